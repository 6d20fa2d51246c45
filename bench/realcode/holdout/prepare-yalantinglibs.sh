#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 24 (issue #23):
# alibaba/yalantinglibs, its coroutine networking parts: coro_io (io_context
# pools, channels, client pools, load balancers, rate limiters, file I/O, all
# on async_simple's Lazy over asio) and coro_rpc (an RPC server and client on
# coro_io), with their doctest tests and examples, at a pinned commit, and a
# compile_commands.json for their units.
#
#   prepare-yalantinglibs.sh OUT GITDIR_YALANTINGLIBS
#
# Nothing is stubbed: asio, async_simple and frozen are bundled under
# include/ylt/thirdparty, doctest under src/include. Flags are those of the
# project's CMake files when it is the top-level project: -std=c++20,
# include/, include/ylt/thirdparty, include/ylt/standalone, src/include,
# YLT_ENABLE_DL (on by default); SSL, NTLS, ibverbs, CUDA, NetworkDirect and
# io_uring off (their units and examples drop out as not parsed or without
# a coroutine); the coro_rpc tests add their own folder to the include
# path (inject_action.hpp), UNIT_TEST_INJECT and
# STRUCT_PACK_ENABLE_UNPORTABLE_TYPE, as their CMake file does. Units:
# src/coro_io/{tests,examples} and src/coro_rpc/{tests,examples} (*.cpp,
# recursively). coro_http is left out:
# it is cinatra's HTTP code, measured as cinatra at stop 19; the benchmarks
# are left out too. Units are kept by units.py. Then:
#   async-lint -p OUT/yalantinglibs-db -j2 --no-cache --format=json --output=yalantinglibs.json \
#     --header-filter='OUT/yalantinglibs.*' $(cat OUT/yalantinglibs-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,26p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=393e27e8d47e91536763024192eb86b845011ae5
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "yalantinglibs: commit $sha not in $d" >&2; exit 1; }
root="$out/yalantinglibs"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
shopt -s globstar nullglob
rt="$root/src/coro_rpc/tests"
python3 "$here/units.py" yalantinglibs "$root" "$out/yalantinglibs-db" "$out/yalantinglibs-files.txt" \
  --extra "$rt/*=-I$rt" --extra "$rt/*=-DUNIT_TEST_INJECT" --extra "$rt/*=-DSTRUCT_PACK_ENABLE_UNPORTABLE_TYPE" -- \
  clang++-22 -std=c++20 -DYLT_ENABLE_DL -I"$root/include" -I"$root/include/ylt/thirdparty" \
  -I"$root/include/ylt/standalone" -I"$root/src/include" -- \
  "$root"/src/coro_io/tests/**/*.cpp "$root"/src/coro_io/examples/**/*.cpp \
  "$root"/src/coro_rpc/tests/**/*.cpp "$root"/src/coro_rpc/examples/**/*.cpp
