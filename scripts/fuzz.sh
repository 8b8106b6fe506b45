#!/usr/bin/env bash
# Runs zhunru's libFuzzer targets (fuzz/, docs/robustness.md).
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]     # default: 300 s each, every target
#   FUZZ_JOBS=2 scripts/fuzz.sh 600 rules   # parallel workers for one target
#
# Builds build-fuzz/ with clang (ZHUNRU_FUZZ=ON: ASan+UBSan, coverage), then
# runs each target for SECONDS with its dictionary, its committed seed corpus
# (fuzz/corpus/NAME, read only) and a working corpus (build-fuzz/corpus/NAME,
# kept between runs). A crash, a timeout (> 10 s) or more than 2 GB of memory
# stops the target and leaves the input in build-fuzz/artifacts/; the script
# then exits 1. To keep a new input as a regression test, copy it into
# fuzz/corpus/NAME: the test suite replays every file there.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rules fmt project site unitmap audit baseline screen snapshot c_api parse_paths lsp)
jobs="${FUZZ_JOBS:-1}"
parallel=()
# -jobs=1 would still fork a worker that logs to ./fuzz-0.log: only ask for workers when there are several.
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")

declare -A dict=([rules]=rules [fmt]=rules [audit]=rules [baseline]=json [project]=json [site]=json [unitmap]=json [screen]=json [snapshot]=json [c_api]=json [parse_paths]=rules [lsp]=json)

if [ ! -f build-fuzz/build.ninja ]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DZHUNRU_FUZZ=ON -DZHUNRU_BUILD_TESTS=OFF -DZHUNRU_BUILD_BENCH=OFF
fi
cmake --build build-fuzz --target "${targets[@]/#/fuzz_}"

mkdir -p build-fuzz/artifacts
status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  log="build-fuzz/fuzz-$t.log"
  echo "== fuzz_$t: ${seconds} s, ${jobs} job(s); log in $log"
  # CPU time, not wall time, is what a fuzzing budget is counted in: the
  # bash `time` keyword reports user + system seconds of the run.
  TIMEFORMAT='%U %S'
  failed=0
  { time ASAN_OPTIONS=detect_leaks=1 ./build-fuzz/fuzz/fuzz_$t -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -dict="fuzz/dict/${dict[$t]}.dict" -artifact_prefix="build-fuzz/artifacts/$t-" -print_final_stats=1 \
      "${parallel[@]}" "build-fuzz/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1 || failed=1; } 2>"build-fuzz/fuzz-$t.cpu"
  if [ "$failed" -ne 0 ]; then
    echo "   FAILED: see $log and build-fuzz/artifacts/"
    status=1
  fi
  awk '{ printf "   CPU time: %.0f s (user %.0f + system %.0f)\n", $1 + $2, $1, $2 }' "build-fuzz/fuzz-$t.cpu"
  # The last status line: executions, coverage, features, corpus size.
  grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" | tr '\n' ' ' || true
  echo
done
exit $status
