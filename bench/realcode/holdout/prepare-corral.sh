#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 26 (issue #23):
# hudson-trading/corral, a header-only structured-concurrency library for
# C++20 coroutines (corral::Task, nurseries, anyOf/allOf/mostOf, Event,
# Semaphore, Channel, ParkingLot, Value, CBPortal callback bridging, a
# ThreadPool) with adapters for Boost.Asio, with its asio examples (an echo
# server, netcat, an HTTP downloader, happy eyeballs) and its Catch2 tests,
# at a pinned commit, and a compile_commands.json for its units.
#
#   prepare-corral.sh OUT GITDIR_CORRAL GITDIR_CATCH2
#
# Dependencies: Catch2 v2.13.9's single header (the version corral's CMake
# fetches), Boost 1.81 (Asio) and OpenSSL from Debian 12. Nothing is stubbed.
# Flags are those of the project's CMake files: -std=c++20, the root on the
# include path, CORRAL_HAVE_OPENSSL for test/asio_test.cc. Units: test/*.cc,
# examples/asio_*.cc (qt_echo_server.cc needs Qt 6, not installed); units.py
# keeps those that parse with clang++-22 and have a coroutine. Then:
#   async-lint -p OUT/corral-db -j2 --no-cache --format=json --output=corral.json \
#     --header-filter='OUT/corral.*' $(cat OUT/corral-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,20p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
c=$(gd "$2") k=$(gd "$3")
sha=5d1153705395640c9f9f8c91e242c9932cd0bd0e       # 2026-08-12
catch_sha=62fd660583d3ae7a7886930b413c3c570e89786c # v2.13.9
for x in "$c $sha" "$k $catch_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/corral" deps="$out/deps-corral"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/catch2"
git --git-dir="$c" archive "$sha" | tar -x -C "$root"
git --git-dir="$k" show "$catch_sha:single_include/catch2/catch.hpp" > "$deps/catch2/catch.hpp"
python3 "$here/units.py" corral "$root" "$out/corral-db" "$out/corral-files.txt" \
  --extra "*/test/asio_test.cc=-DCORRAL_HAVE_OPENSSL" -- \
  clang++-22 -std=c++20 -I"$root" -isystem"$deps" -- \
  "$root"/test/*.cc "$root"/examples/asio_*.cc
