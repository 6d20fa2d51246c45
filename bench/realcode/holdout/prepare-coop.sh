#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 23 (issue #23):
# mojyack/coop, a header-only C++23 coroutine runtime (a single-threaded
# runner with task handles, events, mutex, timers, fd I/O awaiters, parallel
# and select combinators, a thread awaiter, a task injector from other
# threads), with its two examples (example/main.cpp exercises every part),
# at a pinned commit, and a compile_commands.json for its units.
#
#   prepare-coop.sh OUT GITDIR_COOP
#
# Debian 12's libstdc++ 12 has no <print> (C++23), which the project's log
# and assert macros use: stubs/cxx23/print declares std::print/println for
# linting only. Flags are those of the project's meson.build: -std=c++23
# (cpp_std=c++23), include/, -Wall -Wextra -Wpedantic (warning_level=3),
# -Wno-missing-field-initializers. Units are kept by
# units.py (they parse with clang++-22 and have a coroutine). Then (one core):
#   async-lint -p OUT/coop-db -j1 --no-cache --format=json --output=coop.json \
#     --header-filter='OUT/coop.*' $(cat OUT/coop-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,18p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=d28ca4a7d287bf7e9c87f116a3812314bc21e7db
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "coop: commit $sha not in $d" >&2; exit 1; }
root="$out/coop"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
python3 "$here/units.py" coop "$root" "$out/coop-db" "$out/coop-files.txt" -- \
  clang++-22 -std=c++23 -Wall -Wextra -Wpedantic -Wno-missing-field-initializers -I"$root/include" \
  -isystem "$here/stubs/cxx23" -- \
  "$root"/example/*.cpp
