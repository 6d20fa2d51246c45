#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 25 (issue #23):
# boostorg/cobalt (Boost.Cobalt), Boost's C++20 coroutine library over Asio
# (cobalt::task, promise, generator, channel, race/join/gather, spawn,
# thread, wait_group, with, main), with its examples (an echo server, an
# HTTP client, a ticker over websockets, a thread pool, channels, delays,
# signals) and its Boost.Test tests, at the boost-1.86.0 tag, and a
# compile_commands.json for its units.
#
#   prepare-cobalt.sh OUT GITDIR_COBALT GITDIR_BOOST_ASIO
#
# Dependencies: Cobalt needs Boost 1.84+ and Debian 12 has 1.81, so the
# headers of boostorg/cobalt and boostorg/asio at boost-1.86.0 go ahead of
# Debian's Boost (the other Boost libraries, Beast, JSON, URL, Test are
# Debian's 1.81); OpenSSL from Debian. Nothing is stubbed. Flags are those of
# the project's CMake files: -std=c++20 (cxx_std_20), std::pmr (the default
# on libstdc++). Units: example/*.cpp (python.cpp needs nanobind and is
# left out), test/*.cpp; units.py keeps those that parse with clang++-22
# and have a coroutine. Then:
#   async-lint -p OUT/cobalt-db -j2 --no-cache --format=json --output=cobalt.json \
#     --header-filter='OUT/cobalt/.*' $(cat OUT/cobalt-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,21p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
c=$(gd "$2") a=$(gd "$3")
sha=af72ced0518b350044c35f8aca8232aa2c0e79c3       # boost-1.86.0
asio_sha=c28d453674dd2071fdc8cce5ffabcb54c910f466  # boost-1.86.0
for x in "$c $sha" "$a $asio_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/cobalt" deps="$out/deps-cobalt"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/boost-asio"
git --git-dir="$c" archive "$sha" include example test src | tar -x -C "$root"
git --git-dir="$a" archive "$asio_sha" include | tar -x -C "$deps/boost-asio" || true
python3 "$here/units.py" cobalt "$root" "$out/cobalt-db" "$out/cobalt-files.txt" -- \
  clang++-22 -std=c++20 -I"$root/include" -I"$deps/boost-asio/include" -- \
  $(ls "$root"/example/*.cpp | grep -v '/python\.cpp$') "$root"/test/*.cpp
