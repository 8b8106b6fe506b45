// The zhunru command runs on jemalloc (linked only when found; see the
// top-level CMakeLists.txt), with transparent huge pages for its heap.
//
// Why: compiling a national-scale list builds gigabytes of small objects,
// and on a VM each 4 KiB page's first touch is an expensive fault. Backing
// the heap with 2 MiB pages took `zhunru compile` of the 1.15 M-rule
// synthetic list from 49 s to 25 s and `eval` of its snapshot from 10.7 s to
// 2.8 s (docs/benchmarks.md, "National scale"). Where the kernel offers no huge
// pages this setting does nothing. Only the command: the library leaves the
// allocator to the program that embeds it.
//
// jemalloc reads this symbol before the first allocation; the MALLOC_CONF
// environment variable still overrides it.
extern "C" {
extern const char* const malloc_conf;
const char* const malloc_conf = "thp:always,metadata_thp:auto";
}
