#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 27 (issue #23):
# boostorg/redis at boost-1.86.0, a Redis client over Boost.Asio's awaitable.
# Its C++20 examples are application code a user of the library writes (a
# chat room and an echo server over a Redis connection, a subscriber that
# reconnects, streams, containers, JSON and protobuf serialisation, a
# sentinel resolver); its tests run the connection under Boost.Test.
#
#   prepare-redis.sh OUT GITDIR_REDIS GITDIR_ASIO
#
# Dependencies: Boost.Asio at boost-1.86.0 from its repository, ahead of
# Debian 12's Boost 1.81 (as prepare-beast.sh does), Boost.Json, Boost.Test,
# OpenSSL and protobuf from Debian; person.pb.h is generated with Debian's
# protoc. Nothing is stubbed. Flags are those of Redis's CMake files:
# -std=c++20 (no definitions), include/ on the path, and test/ for the tests'
# common.hpp. Units: the sources with a coroutine under example/ and test/;
# units.py keeps those that parse with clang++-22. Then:
#   async-lint -p OUT/redis-db -j2 --no-cache --format=json --output=redis.json \
#     --header-filter='OUT/redis.*' $(cat OUT/redis-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,20p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
r=$(gd "$2") a=$(gd "$3")
sha=a4d2bb983dba0aac546a41d04f6af94568e817fc        # boost-1.86.0
asio_sha=c28d453674dd2071fdc8cce5ffabcb54c910f466   # boost-1.86.0
for x in "$r $sha" "$a $asio_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/redis" deps="$out/deps-redis"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/asio" "$deps/gen"
git --git-dir="$r" archive "$sha" include example test | tar -x -C "$root"
git --git-dir="$a" archive "$asio_sha" include | tar -x -C "$deps/asio" 2>/dev/null || true
protoc --proto_path="$root/example" --cpp_out="$deps/gen" "$root/example/person.proto"
python3 "$here/units.py" redis "$root" "$out/redis-db" "$out/redis-files.txt" -- \
  clang++-22 -std=c++20 -I"$root/include" -I"$root/test" -I"$deps/asio/include" -I"$deps/gen" -- \
  $(grep -rlE '\bco_(await|return|yield)\b' "$root/example" "$root/test" --include='*.cpp')
