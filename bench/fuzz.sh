#!/usr/bin/env bash
# Fuzzes every check for a while: libFuzzer grows inputs from the checker
# tests (parsed as C++20 with the mock headers) and runs every async-* check
# on each. Crashing and timed-out inputs are left in the output folder.
#
#   bench/fuzz.sh [build-dir] [seconds] [output-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${2:-600}
out=${3:-fuzz-out}
fuzzer="$build/bin/async-lint-fuzzer"
if [ ! -x "$fuzzer" ]; then
  echo "fuzz.sh: no $fuzzer (install libclang-rt-22-dev and rebuild)" >&2
  exit 2
fi
mkdir -p "$out/corpus" "$out/artifacts"
cp -n test/checkers/*.cpp "$out/corpus/"
exec "$fuzzer" -max_total_time="$seconds" -max_len=20000 -timeout=60 \
  -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$out/artifacts/" "$out/corpus"
