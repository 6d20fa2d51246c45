#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 22 (issue #23):
# asyncpp/asyncpp (Dominik Thalhammer's header-only C++20 coroutine library:
# task, defer, fire_and_forget, launch scopes, sync_wait, promise, channel,
# queue, mutex, event, latch, fiber, timer, thread_pool, generators), with its
# googletest tests, at a pinned commit, and a compile_commands.json for its
# units.
#
#   prepare-thalhammer.sh OUT GITDIR_ASYNCPP
#
# The tests use googletest (the project fetches v1.14.0; Debian 12's
# libgtest-dev 1.12.1 is used here, nothing is stubbed). Flags are those of
# the project's CMake files: -std=c++20, include/ (no ASYNCPP_SO_COMPAT). The
# library is header-only, so the units are the tests (test/*.cpp). Units are
# kept when their preprocessed text has co_await, co_return or co_yield on a
# line of a project file; units that clang++-22 cannot parse are listed and
# left out. Then (one core):
#   async-lint -p OUT/thalhammer-db -j1 --no-cache --format=json --output=thalhammer.json \
#     --header-filter='OUT/thalhammer.*' $(cat OUT/thalhammer-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,19p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=c1d3831bbccfe870880c725bee597cf92e508ea7
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "thalhammer: commit $sha not in $d" >&2; exit 1; }
root="$out/thalhammer"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
python3 "$here/units.py" thalhammer "$root" "$out/thalhammer-db" "$out/thalhammer-files.txt" -- \
  clang++-22 -std=c++20 -I"$root/include" -- "$root"/test/*.cpp
