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
// One arena for all threads (`narenas:1`): the ASTs are built on every core
// and then freed file by file while the checker, on one thread, builds the
// model. With an arena per thread, memory freed by the parsing threads could
// not be reused by the checking one and the peak was the sum of both; with
// one arena the model grows into what the ASTs free (national compile peak
// 2.36 -> 1.99 GB in one measurement). Screening 40,000 projects on 2 threads
// ran at the same speed either way (docs/benchmarks.md).
//
// jemalloc reads this symbol before the first allocation; the MALLOC_CONF
// environment variable still overrides it.
extern "C" {
extern const char* const malloc_conf;
const char* const malloc_conf = "thp:always,metadata_thp:auto,narenas:1";
}
