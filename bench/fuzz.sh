#!/usr/bin/env bash
# Fuzzes every check for a while: libFuzzer grows inputs from the checker
# tests (parsed as C++20 with the mock headers) and runs every async-* check
# on each. It keeps going past a crash (fork mode); at the end each crashing
# input is tried with clang++-22 -fsyntax-only alone, which tells Clang's own
# crashes (its parser on garbage) from crashes in the checks. Crashing and
# timed-out inputs are left in the output folder.
#
#   bench/fuzz.sh [build-dir] [seconds] [output-dir]
#
# Exits 1 when an input crashes or times out in the checks and not in Clang.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${2:-600}
out=${3:-fuzz-out}
fuzzer="$build/bin/async-lint-fuzzer"
inputs="$PWD/test/checkers/Inputs"
if [ ! -x "$fuzzer" ]; then
  echo "fuzz.sh: no $fuzzer (install libclang-rt-22-dev, configure the build again and build)" >&2
  exit 2
fi
mkdir -p "$out/corpus" "$out/artifacts"
cp -n test/checkers/*.cpp "$out/corpus/"
"$fuzzer" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -max_len=20000 -timeout=60 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix="$out/artifacts/" "$out/corpus" \
  > "$out/fuzz.log" 2>&1 || true
grep -E '^#[0-9]+: .*(exec/s|DONE)|stat::' "$out/fuzz.log" | tail -3
ours=0 clangs=0
for input in "$out"/artifacts/*; do
  [ -e "$input" ] || continue
  # The input is parsed from the mock headers' folder, as the fuzzer did.
  cp "$input" "$inputs/fuzz-input.cpp"
  log=$(clang++-22 -fsyntax-only -std=c++20 -nostdinc -isystem "$inputs" \
          -ferror-limit=0 "$inputs/fuzz-input.cpp" 2>&1 || true)
  if grep -q 'Stack dump' <<< "$log"; then
    clangs=$((clangs + 1))
  else
    ours=$((ours + 1))
    echo "in the checks: $input"
  fi
  rm -f "$inputs/fuzz-input.cpp"
done
echo "$(ls "$out/corpus" | wc -l) inputs in the corpus; crashing or timed-out" \
  "inputs: $ours in the checks, $clangs in Clang itself"
[ "$ours" -eq 0 ]
