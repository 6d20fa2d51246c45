#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 28 (issue #23):
# drogonframework/drogon, an HTTP application framework over trantor's event
# loops whose C++20 coroutine API (drogon::Task, AsyncTask, sync_wait,
# co_future, sleepCoro, when_all, coroutine handlers, filters and middlewares,
# awaitable HTTP, database and Redis clients) is used by its examples (a
# Prometheus-instrumented controller and filter, a Redis cache in front of a
# slow controller) and its tests (the integration test's client and server,
# the coroutine unit test, the database and Redis tests).
#
#   prepare-drogon.sh OUT GITDIR_DROGON GITDIR_TRANTOR
#
# Dependencies: trantor at the commit drogon's submodule names (an-tao/trantor
# holds it); jsoncpp, OpenSSL, zlib, brotli and uuid from Debian 12
# (libjsoncpp-dev). Generated as drogon's CMake generates them, into
# OUT/deps-drogon/gen: the two export headers (generate_export_header for a
# static library: empty export macros), version.h and config.h (Linux, the
# three database back ends and OpenSSL found, as the ORM tests are built), and
# the include path Debian's jsoncpp.pc gives.
# Nothing is stubbed. Flags: -std=c++20 and the include directories of the
# drogon target (lib/inc, orm_lib/inc, nosql_lib/redis/inc, trantor, gen),
# -DUSE_REDIS and -DUSE_BROTLI as the CMake files add them, and the example's or
# integration server's own folder. Units: the sources with co_await,
# co_return or co_yield in them under examples/ and lib|orm_lib|nosql_lib
# tests; units.py keeps those that parse with clang++-22. Then:
#   async-lint -p OUT/drogon-db -j2 --no-cache --format=json --output=drogon.json \
#     --header-filter='OUT/drogon.*' $(cat OUT/drogon-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,27p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
g=$(gd "$2") t=$(gd "$3")
sha=74fc004c8dc8244fe3b6c56628601053b5a15c37        # 2026-07-23
trantor_sha=63a4e5e164e219dc3bf30cdbfa1462ae5602fa97 # drogon's submodule at that commit
for x in "$g $sha" "$t $trantor_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/drogon" deps="$out/deps-drogon"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/trantor" "$deps/gen/drogon" "$deps/gen/trantor"
git --git-dir="$g" archive "$sha" | tar -x -C "$root"
git --git-dir="$t" archive "$trantor_sha" trantor | tar -x -C "$deps/trantor"
for lib in drogon trantor; do
  up=$(echo $lib | tr a-z A-Z)
  printf '#pragma once\n#define %s_EXPORT\n#define %s_NO_EXPORT\n#define %s_DEPRECATED __attribute__((__deprecated__))\n#define %s_DEPRECATED_EXPORT %s_EXPORT %s_DEPRECATED\n#define %s_DEPRECATED_NO_EXPORT %s_NO_EXPORT %s_DEPRECATED\n' \
    $up $up $up $up $up $up $up $up $up >"$deps/gen/$lib/exports.h"
done
sed -e 's/@DROGON_MAJOR_VERSION@/1/;s/@DROGON_MINOR_VERSION@/9/;s/@DROGON_PATCH_VERSION@/13/' \
    -e 's/@DROGON_VERSION_STRING@/1.9.13/;s/@GIT_SHA1@/'$sha'/' \
    "$root/cmake/templates/version.h.in" >"$deps/gen/drogon/version.h"
sed -e 's/#cmakedefine01 \(USE_[A-Z0-9]*\|LIBPQ_SUPPORTS_BATCH_MODE\|HAS_STD_FILESYSTEM_PATH\)/#define \1 1/' \
    -e 's/#cmakedefine OpenSSL_FOUND/#define OpenSSL_FOUND/' -e 's/#cmakedefine .*//' \
    "$root/cmake/templates/config.h.in" >"$deps/gen/drogon/config.h"
inc="-I$root/lib/inc -I$root/orm_lib/inc -I$root/nosql_lib/redis/inc -I$deps/trantor -I$deps/gen -I/usr/include/jsoncpp"
python3 "$here/units.py" drogon "$root" "$out/drogon-db" "$out/drogon-files.txt" \
  --extra "$root/lib/tests/integration_test/server/*=-I$root/lib/tests/integration_test/server" \
  --extra "$root/examples/redis_cache/*=-I$root/examples/redis_cache" -- \
  clang++-22 -std=c++20 -DUSE_REDIS -DUSE_BROTLI $inc -- \
  $(grep -rlE '\bco_(await|return|yield)\b' "$root/examples" "$root/lib/tests" "$root/orm_lib/tests" \
      "$root/nosql_lib/redis/tests" --include='*.cc' --include='*.cpp')
