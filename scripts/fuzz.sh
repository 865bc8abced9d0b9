#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (with AddressSanitizer) and runs each for SECONDS
# (default 600) over its corpus: the committed seeds in Fuzz/Corpus/TARGET, and what the fuzzer
# finds kept in .build-fuzz/corpus/TARGET. Prints each target's executions a second, coverage
# and whether it crashed; a crashing input is written to Fuzz/crashes/ (keep it as a regression
# test of swift test, then fix the crash).
#
#   scripts/fuzz.sh [SECONDS] [TARGET ...]
#
# Needs only the Swift toolchain (its clang carries libFuzzer).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzRecord FuzzPolicy FuzzDates FuzzIntake FuzzMultipart FuzzSpreadsheet)
build=$PWD/.build-fuzz
swift build --package-path Fuzz --scratch-path "$build" -c debug \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >&2
mkdir -p Fuzz/crashes
status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  log="$build/$target.log"
  if "$build/debug/$target" "$corpus" "Fuzz/Corpus/$target" -max_total_time="$seconds" -rss_limit_mb=4096 \
    -max_len=1048576 -artifact_prefix="Fuzz/crashes/$target-" -print_final_stats=1 >"$log" 2>&1; then
    outcome="no crash"
  else
    outcome="CRASHED (see $log and Fuzz/crashes/)"
    status=1
  fi
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  coverage=$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\).*/\1 edges, \2 features/p')
  echo "$target: $seconds s, ${runs:-?} runs, ${rate:-?} runs/s, coverage ${coverage:-?}, $outcome"
done
exit $status
