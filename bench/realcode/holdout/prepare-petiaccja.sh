#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 22 (issue #23):
# petiaccja/asyncpp, a C++20 coroutine library (task, shared_task, generator,
# stream, event, mutex, semaphore, join, thread_pool, an "interleaver" for
# testing thread interleavings), with its Catch2 tests, at a pinned commit,
# and a compile_commands.json for its units.
#
#   prepare-petiaccja.sh OUT GITDIR_ASYNCPP GITDIR_CATCH2
#
# Catch2 is not a Debian 12 package: its single-header amalgamation
# (extras/catch_amalgamated.hpp) is taken from catchorg/Catch2 at v3.4.0, the
# version the project's conanfile.txt asks for, into OUT/petiaccja-stubs, with
# the three <catch2/...> headers the tests include forwarding to it (the real
# registration macros: a test case is registered by a namespace-scope object).
# Flags are those of the project's CMake files: -std=c++20, include/,
# ASYNCPP_BUILD_TESTS=1; test_stream.cpp includes <testing/interleaver.hpp>,
# so include/asyncpp is on the path too. Units: src/**.cpp and test/**.cpp;
# the benchmarks (benchmark/*.cpp) need celero, which is not here, and are
# left out as not parsed. Units are kept when their preprocessed text has
# co_await, co_return or co_yield on a line of a project file; units that
# clang++-22 (with Debian 12's libstdc++ 12) cannot parse are listed and left
# out. Then (one core):
#   async-lint -p OUT/petiaccja-db -j1 --no-cache --format=json --output=petiaccja.json \
#     --header-filter='OUT/petiaccja.*' $(cat OUT/petiaccja-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,25p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
c="$3"; [ -d "$c/.git" ] && c="$c/.git"
sha=287d1a001dfab7c3e1dfec62077b0c4e070e20c2
catch_sha=6e79e682b726f524310d55dec8ddac4e9c52fb5f # v3.4.0
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "petiaccja: commit $sha not in $d" >&2; exit 1; }
git --git-dir="$c" cat-file -e "$catch_sha^{commit}" 2>/dev/null || { echo "Catch2: commit $catch_sha not in $c" >&2; exit 1; }
root="$out/petiaccja"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
st="$out/petiaccja-stubs"
rm -rf "$st" && mkdir -p "$st/catch2"
git --git-dir="$c" show "$catch_sha:extras/catch_amalgamated.hpp" >"$st/catch2/catch_amalgamated.hpp"
for h in catch_test_macros catch_template_test_macros catch_session; do
  printf '#pragma once\n#include <catch2/catch_amalgamated.hpp>\n' >"$st/catch2/$h.hpp"
done
shopt -s globstar nullglob
python3 "$here/units.py" petiaccja "$root" "$out/petiaccja-db" "$out/petiaccja-files.txt" -- \
  clang++-22 -std=c++20 -DASYNCPP_BUILD_TESTS=1 -I"$root/include" -I"$root/include/asyncpp" -I"$st" -- \
  "$root"/src/**/*.cpp "$root"/test/**/*.cpp "$root"/benchmark/*.cpp
