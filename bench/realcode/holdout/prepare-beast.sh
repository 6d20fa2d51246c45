#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 26 (issue #23):
# the C++20 coroutine examples of boostorg/beast, application code over
# Boost.Asio's awaitable (HTTP and WebSocket servers and clients, plain and
# SSL, and the advanced flex server: detect SSL, sessions, a WebSocket
# upgrade, graceful shutdown on signals), with Beast's one test that awaits
# (the experimental test stream), at boost-1.86.0, and a compile database.
#
#   prepare-beast.sh OUT GITDIR_BEAST GITDIR_ASIO GITDIR_SCOPE
#
# Dependencies: Boost.Asio and Boost.Scope at boost-1.86.0 from their
# repositories, ahead of Debian 12's Boost 1.81 (as prepare-cobalt.sh does),
# and OpenSSL from Debian. Nothing is stubbed. Flags are those of Beast's
# CMake files: -std=c++20, Beast's include/ and the root on the include
# path. Units: the sources with a coroutine under example/ and
# test/beast/_experimental/stream.cpp; units.py keeps those that parse with
# clang++-22. Then:
#   async-lint -p OUT/beast-db -j2 --no-cache --format=json --output=beast.json \
#     --header-filter='OUT/beast.*' $(cat OUT/beast-files.txt)
set -euo pipefail
[ $# -eq 4 ] || { sed -n 2,20p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
b=$(gd "$2") a=$(gd "$3") s=$(gd "$4")
sha=fee9be0be10c9c9a22ac1505a710d1d8ed5a3dfb        # boost-1.86.0
asio_sha=c28d453674dd2071fdc8cce5ffabcb54c910f466   # boost-1.86.0
scope_sha=db963eab9cd9244edde0488423effbcb8200ea62  # boost-1.86.0
for x in "$b $sha" "$a $asio_sha" "$s $scope_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/beast" deps="$out/deps-beast"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/asio" "$deps/scope"
git --git-dir="$b" archive "$sha" include example test | tar -x -C "$root"
git --git-dir="$a" archive "$asio_sha" include | tar -x -C "$deps/asio" || true
git --git-dir="$s" archive "$scope_sha" include | tar -x -C "$deps/scope"
python3 "$here/units.py" beast "$root" "$out/beast-db" "$out/beast-files.txt" -- \
  clang++-22 -std=c++20 -I"$root/include" -I"$root" -I"$deps/asio/include" \
  -I"$deps/scope/include" -- \
  $(grep -rlE '\bco_(await|return|yield)\b' "$root/example" --include='*.cpp') \
  "$root/test/beast/_experimental/stream.cpp"
