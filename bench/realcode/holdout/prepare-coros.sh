#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 23 (issue #23):
# Manoharan-Ajay-Anand/coros, a small TCP server framework on C++20
# coroutines (a coroutine per connection, run on a thread pool; an epoll
# event monitor resumes a coroutine when its socket is ready; read/write
# awaiters over non-blocking sockets), at a pinned commit, and a
# compile_commands.json for its library units.
#
#   prepare-coros.sh OUT GITDIR_COROS
#
# Nothing is stubbed. Flags are those of the project's CMake file: -std=c++20
# (the README names g++ 10 on Linux), src/ on the include path. Units: the
# library's sources (src/coros/**.cpp; the snapshot has no example). Units are
# kept by units.py (they parse with clang++-22 and have a coroutine). Then
# (one core):
#   async-lint -p OUT/coros-db -j1 --no-cache --format=json --output=coros.json \
#     --header-filter='OUT/coros/.*' $(cat OUT/coros-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,17p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=6cf7617677c2ea1926352d5575b9e91606735392
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "coros: commit $sha not in $d" >&2; exit 1; }
root="$out/coros"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
shopt -s globstar nullglob
python3 "$here/units.py" coros "$root" "$out/coros-db" "$out/coros-files.txt" -- \
  clang++-22 -std=c++20 -I"$root/src" -- "$root"/src/coros/**/*.cpp
