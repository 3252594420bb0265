#!/usr/bin/env bash
# Runs the libFuzzer harnesses of libk's parsers (tests/fuzz/host), one after the
# other, each from its seed corpus (tests/fuzz/corpus/NAME/) and what earlier runs
# found (WORK/NAME/corpus/). A crash is kept in WORK/NAME/crashes/ and fails the run.
#   tests/fuzz/run-host-fuzzers.sh [--bin DIR] [--work DIR] [--runs N | --time SECONDS] [NAME...]
# --bin: the harnesses (default build/fuzz); --work: default DIR/../fuzz-work;
# --runs: inputs per harness (default 10000000); --time: seconds per harness instead.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bin=$here/../../build/fuzz
work=
limit=-runs=10000000
names=()
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --runs) limit=-runs=$2; shift 2 ;;
    --time) limit=-max_total_time=$2; shift 2 ;;
    -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
    -*) echo "run-host-fuzzers: unknown option $1" >&2; exit 2 ;;
    *) names+=("$1"); shift ;;
  esac
done
work=${work:-$bin/../fuzz-work}
if [ ${#names[@]} -eq 0 ]; then
  for fuzzer in "$bin"/fuzz_*; do
    [ -x "$fuzzer" ] && names+=("${fuzzer##*/fuzz_}")
  done
fi
if [ ${#names[@]} -eq 0 ]; then
  echo "run-host-fuzzers: no harnesses in $bin (build the host project first)" >&2
  exit 1
fi

status=0
for name in "${names[@]}"; do
  fuzzer=$bin/fuzz_$name
  if [ ! -x "$fuzzer" ]; then
    echo "run-host-fuzzers: no $fuzzer" >&2
    status=1
    continue
  fi
  mkdir -p "$work/$name/corpus" "$work/$name/crashes"
  log=$work/$name/log
  # -timeout: an input taking 10 s is a hang, reported like a crash.
  if "$fuzzer" "$limit" -timeout=10 -print_final_stats=1 -artifact_prefix="$work/$name/crashes/" \
      "$work/$name/corpus" "$here/corpus/$name" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "$name: ok, ${runs:-?} inputs ($(ls "$work/$name/corpus" | wc -l) in its corpus)"
  else
    echo "$name: FAILED (log: $log)"
    tail -n 60 "$log"
    echo "crash files in $work/$name/crashes/:"
    ls -t "$work/$name/crashes" | head -n 5
    status=1
  fi
done
exit $status
