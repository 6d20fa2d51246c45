#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 25 (issue #23):
# ConorWilliams/libfork, a continuation-stealing fork-join tasking library on
# C++20 coroutines (lf::task, co_await lf::fork[...]/lf::call[...]/lf::join,
# lf::sync_wait on lazy/busy/unit pools, lf::just, lf::eventually, explicit
# scheduling, fold/map/for_each/scan algorithms), with its Catch2 tests and
# the libfork versions of its benchmarks (fib, fold, integrate, matmul,
# nqueens, primes, scan, uts), at a pinned commit, and a
# compile_commands.json for its units.
#
#   prepare-libfork.sh OUT GITDIR_LIBFORK GITDIR_CATCH2
#
# Dependencies: Catch2 v3.7.1's amalgamated header (extras/), reached through
# two one-line headers catch2/catch_test_macros.hpp and
# catch2/catch_template_test_macros.hpp that include it (written here, not
# stubs: the whole of Catch2 is behind them); Google Benchmark from Debian 12.
# Flags are those of the project's CMake files: -std=c++23 (cxx_std_23),
# include/ on the include path; hwloc is left out (optional, not found). The
# benchmarks' C part (uts's sha1 rng) is C, not linted; the benchmarks of
# other libraries (TBB, Taskflow, OpenMP, TooManyCooks) are left out. Units:
# test/source/**.cpp, bench/source/*/libfork.cpp, bench/source/calibrate.cpp,
# bench/source/coroutine/incremental.cpp; units.py keeps those that parse
# with clang++-22 and have a coroutine. Then:
#   async-lint -p OUT/libfork-db -j2 --no-cache --format=json --output=libfork.json \
#     --header-filter='OUT/libfork/.*' $(cat OUT/libfork-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,25p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
l=$(gd "$2") c=$(gd "$3")
sha=2f359cdab8150c2624bbe1f904a663180ed52109       # 2026-01-17
catch_sha=$(git --git-dir="$c" rev-parse v3.7.1^{commit}) # v3.7.1
for x in "$l $sha" "$c $catch_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/libfork" deps="$out/deps-libfork"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/catch2/catch2"
git --git-dir="$l" archive "$sha" include test bench | tar -x -C "$root"
git --git-dir="$c" show "$catch_sha:extras/catch_amalgamated.hpp" >"$deps/catch2/catch2/catch_amalgamated.hpp"
for h in catch_test_macros catch_template_test_macros; do
  echo '#include "catch_amalgamated.hpp"' >"$deps/catch2/catch2/$h.hpp"
done
shopt -s globstar nullglob
python3 "$here/units.py" libfork "$root" "$out/libfork-db" "$out/libfork-files.txt" -- \
  clang++-22 -std=c++23 -I"$root/include" -isystem"$deps/catch2" -- \
  "$root"/test/source/**/*.cpp "$root"/bench/source/*/libfork.cpp \
  "$root"/bench/source/calibrate.cpp "$root"/bench/source/coroutine/incremental.cpp
