#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 25 (issue #23):
# kedixa/coke, a C++20 coroutine library over sogou/workflow (coke::Task,
# coke::sync_wait/async_wait, coke::sleep, mutex/semaphore/latch/wait_group/
# condition/future, HTTP/Redis/MySQL/TLV clients and servers), with its
# examples (an HTTP server and proxy, a Redis server, parallel gets, merge
# sorts, queues), its GoogleTest tests and its library sources, at a pinned
# commit, and a compile_commands.json for its units.
#
#   prepare-coke.sh OUT GITDIR_COKE GITDIR_WORKFLOW
#
# Dependencies: the headers of sogou/workflow at a pinned commit (its
# src/include/workflow holds links to the public headers, as the installed
# tree does), OpenSSL and GoogleTest from Debian 12. Nothing is stubbed.
# Flags are those of the project's CMake files: -std=c++20, include/ and
# workflow's include dir on the include path. Units: src/**.cpp,
# example/*.cpp, test/*.cpp; units.py keeps those that parse with clang++-22
# and have a coroutine. Then:
#   async-lint -p OUT/coke-db -j2 --no-cache --format=json --output=coke.json \
#     --header-filter='OUT/coke.*' $(cat OUT/coke-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,20p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
c=$(gd "$2") w=$(gd "$3")
sha=efd4cef6b3158468dff27c1b04e93962549e2612    # 2025-12-27, v0.7.0
wf_sha=41695078733a725a8d22390a2f65c9abb21c0e2e # 2026-07-03
for x in "$c $sha" "$w $wf_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/coke" deps="$out/deps-coke"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/workflow"
git --git-dir="$c" archive "$sha" | tar -x -C "$root"
git --git-dir="$w" archive "$wf_sha" src | tar -x -C "$deps/workflow"
shopt -s globstar nullglob
python3 "$here/units.py" coke "$root" "$out/coke-db" "$out/coke-files.txt" -- \
  clang++-22 -std=c++20 -I"$root/include" -isystem"$deps/workflow/src/include" -- \
  "$root"/src/**/*.cpp "$root"/example/*.cpp "$root"/test/*.cpp
