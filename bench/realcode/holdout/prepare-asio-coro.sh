#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 28 (issue #23):
# pgit/asio-coro, talks and examples about Boost.Asio's C++20 coroutines. Its
# units that build on Boost.Asio alone are small server programs: TCP echo
# servers written with `awaitable` (plain, with `as_tuple`, with a timeout,
# threaded over one io_context, over a pool of io_contexts) and a reproduction
# of a co_spawn cancellation issue. The rest (the thread-pool demos included)
# need C++23's <print>/<format> with libc++, Boost.Process, Boost.Scope or
# Boost.Cobalt/Capy/Corosio, which Debian 12 lacks, and are left out.
#
#   prepare-asio-coro.sh OUT GITDIR_ASIO_CORO GITDIR_ASIO
#
# Dependencies: Boost.Asio at boost-1.88.0 from its repository (the project's
# CMake asks for Boost 1.88) ahead of Debian 12's Boost 1.81. Nothing is
# stubbed. Flags: -std=c++23 as its CMake sets (libstdc++ instead of the
# libc++ it asks for; these units use nothing of C++23's library). Units:
# echo/echo_coro{,_context_pool,_threaded,_timeout,_tuple}.cpp and
# issues/asio_issue_spawn_cancellation.cpp;
# units.py keeps those that parse with clang++-22 and have a coroutine. Then:
#   async-lint -p OUT/asio-coro-db -j2 --no-cache --format=json --output=asio-coro.json \
#     --header-filter='OUT/asio-coro.*' $(cat OUT/asio-coro-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,20p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
g=$(gd "$2") a=$(gd "$3")
sha=ef81144d721744b646ffe6217d12d7b3d63335db        # 2026-03-26
asio_sha=8ce699c7d8c10a7d3e6187bc98244d1d2f2958c8   # boost-1.88.0
for x in "$g $sha" "$a $asio_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/asio-coro" deps="$out/deps-asio-coro"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/asio"
git --git-dir="$g" archive "$sha" echo issues include | tar -x -C "$root"
git --git-dir="$a" archive "$asio_sha" include | tar -x -C "$deps/asio" 2>/dev/null || true
python3 "$here/units.py" asio-coro "$root" "$out/asio-coro-db" "$out/asio-coro-files.txt" -- \
  clang++-22 -std=c++23 -I"$root/include" -I"$deps/asio/include" -- \
  "$root"/echo/echo_coro{,_context_pool,_threaded,_timeout,_tuple}.cpp \
  "$root"/issues/asio_issue_spawn_cancellation.cpp
