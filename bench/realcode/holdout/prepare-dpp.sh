#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 26 (issue #23):
# brainboxdotcc/DPP, a C++ Discord API library whose C++20 coroutine API
# (dpp::task, dpp::coroutine, dpp::job, dpp::awaitable/async, dpp::when_any,
# co_ event handlers, co_sleep, co_ REST calls) is built on its own thread
# pool and event routers, with the coroutine examples of its documentation
# (slash-command bots awaiting REST replies, events and button clicks), its
# coroutine unit test and the library sources with coroutines, at a pinned
# commit, and a compile_commands.json for its units.
#
#   prepare-dpp.sh OUT GITDIR_DPP
#
# Dependencies: OpenSSL and zlib from Debian 12; nlohmann json is DPP's own
# copy (include/dpp/nlohmann). Nothing is stubbed. Flags are those of the
# project's CMake files with coroutines on: -std=c++20 -DDPP_CORO, include/
# on the include path, DPP_BUILD and NOMINMAX for the library and its test.
# Units: the sources that use coroutines (docpages/example_code/coro_*.cpp,
# src/coro_loop/*.cpp, src/unittest/*.cpp, src/dpp/cluster.cpp); units.py
# keeps those that parse with clang++-22 and have a coroutine. Then:
#   async-lint -p OUT/dpp-db -j2 --no-cache --format=json --output=dpp.json \
#     --header-filter='OUT/dpp.*' $(cat OUT/dpp-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,21p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
g=$(gd "$2")
sha=e5eeb4645d79b4992c58cbdbd2d85a6a51e7ecc3 # 2026-05-20
git --git-dir="$g" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "commit $sha not in $g" >&2; exit 1; }
root="$out/dpp"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$g" archive "$sha" include src/coro_loop src/unittest src/dpp/cluster.cpp \
  docpages/example_code | tar -x -C "$root"
python3 "$here/units.py" dpp "$root" "$out/dpp-db" "$out/dpp-files.txt" \
  --extra "$root/src/*=-DDPP_BUILD" --extra "$root/src/*=-DNOMINMAX" -- \
  clang++-22 -std=c++20 -DDPP_CORO -I"$root/include" -- \
  "$root"/docpages/example_code/coro_*.cpp "$root"/src/coro_loop/*.cpp \
  "$root"/src/unittest/*.cpp "$root"/src/dpp/cluster.cpp
