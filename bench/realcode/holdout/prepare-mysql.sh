#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 27 (issue #23):
# boostorg/mysql at boost-1.88.0, a MySQL client over Boost.Asio's awaitable.
# Its C++20 examples are application code a user of the library writes: the
# tutorials (async queries, parameters, the static interface, transactions,
# a connection pool, error handling), the simple examples (inserts, deletes,
# batch inserts, dynamic filters, patch updates, pipelines, prepared
# statements, TLS, UNIX sockets, metadata) and an HTTP server (Boost.Beast
# over a connection pool, C++20 coroutines). The tests (unit, integration and
# thread-safety) run under Boost.Test.
#
#   prepare-mysql.sh OUT GITDIR_MYSQL GITDIR_ASIO GITDIR_BEAST GITDIR_CHARCONV \
#                    GITDIR_COMPAT GITDIR_CORE GITDIR_PFR
#
# Dependencies: Boost.Asio, Beast, Charconv, Compat, Core and PFR at
# boost-1.88.0 from their repositories, ahead of Debian 12's Boost 1.81 (as
# prepare-beast.sh does); Boost.Test, Json, Describe, Url and OpenSSL from
# Debian. Nothing is stubbed. Flags are those of Boost.MySQL's CMake files:
# -std=c++20, include/, and for the tests test/common/include and the
# include/ of their suite. Units: the sources with a coroutine under example/
# and test/; units.py keeps those that parse with clang++-22. Then:
#   async-lint -p OUT/mysql-db -j2 --no-cache --format=json --output=mysql.json \
#     --header-filter='OUT/mysql.*' $(cat OUT/mysql-files.txt)
set -euo pipefail
[ $# -eq 8 ] || { sed -n 2,24p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
root="$out/mysql" deps="$out/deps-mysql"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps"
# name, git dir, commit (all boost-1.88.0)
set -- mysql "$2" fa397b75356ff026610a70468f59906879272b5e \
       asio "$3" 8ce699c7d8c10a7d3e6187bc98244d1d2f2958c8 \
       beast "$4" 1d8dfae490125bd63efedfa7a3ecf20e8e9b54a5 \
       charconv "$5" 22a7e222c9763b19714a05aa67fefd70888df70f \
       compat "$6" 61b464c3eec8a2d3e4aae1275b5844a411caedae \
       core "$7" 1e1ccb491edeb3a8580b6998c894c07968d4bbb5 \
       pfr "$8" 3fe5ce61eee743c6da097c28bc0b84bdf29f6cc4
inc=()
while [ $# -gt 0 ]; do
  name=$1 dir=$(gd "$2") sha=$3; shift 3
  git --git-dir="$dir" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "commit $sha not in $dir" >&2; exit 1; }
  if [ "$name" = mysql ]; then
    git --git-dir="$dir" archive "$sha" include example test | tar -x -C "$root"
  else
    mkdir -p "$deps/$name"
    git --git-dir="$dir" archive "$sha" include | tar -x -C "$deps/$name" 2>/dev/null || true
    inc+=("-I$deps/$name/include")
  fi
done
python3 "$here/units.py" mysql "$root" "$out/mysql-db" "$out/mysql-files.txt" \
  --extra "$root/test/*=-I$root/test/common/include" \
  --extra "$root/test/unit/*=-I$root/test/unit/include" \
  --extra "$root/test/integration/*=-I$root/test/integration/include" -- \
  clang++-22 -std=c++20 -I"$root/include" "${inc[@]}" -- \
  $(grep -rlE '\bco_(await|return|yield)\b' "$root/example" "$root/test" --include='*.cpp')
