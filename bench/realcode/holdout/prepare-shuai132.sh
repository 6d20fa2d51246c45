#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 23 (issue #23):
# shuai132/coro, a header-only C++20 coroutine library (async<T> tasks,
# co_spawn on executors -- a loop, a poll loop, a thread pool --, timers,
# when_all/when_any, channel, mutex, condition_variable, semaphore, latch,
# event, wait_group), with its tests (test/*.cpp, plain main()s with their own
# assert macros), at a pinned commit, and a compile_commands.json for its
# units.
#
#   prepare-shuai132.sh OUT GITDIR_CORO
#
# Nothing is stubbed. Flags are those of the project's CMake file for its test
# targets: -std=c++20 -Wall -Wunused-parameter, include/ and test/detail/
# (the default configuration: exceptions on, no debug logs). Units are kept by
# units.py (they parse with clang++-22 and have a coroutine). Then (one core):
#   async-lint -p OUT/shuai132-db -j1 --no-cache --format=json --output=shuai132.json \
#     --header-filter='OUT/shuai132.*' $(cat OUT/shuai132-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,17p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=50b808ec9b8dd7d6e6b8646d9886d2ffd6246d59
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "shuai132: commit $sha not in $d" >&2; exit 1; }
root="$out/shuai132"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
python3 "$here/units.py" shuai132 "$root" "$out/shuai132-db" "$out/shuai132-files.txt" -- \
  clang++-22 -std=c++20 -Wall -Wunused-parameter -I"$root/include" -I"$root/test/detail" -- \
  "$root"/test/*.cpp
