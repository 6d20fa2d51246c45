#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 24 (issue #23):
# Tradias/asio-grpc, an Asio execution context over grpc::CompletionQueue for
# writing gRPC clients and servers with C++20 coroutines (asio::awaitable,
# co_spawn, agrpc::ClientRPC/ServerRPC, alarms, waiters, register_awaitable_rpc_handler),
# with its C++20 examples, documentation snippets and doctest tests, at a
# pinned commit, and a compile_commands.json for its units.
#
#   prepare-asio-grpc.sh OUT GITDIR_ASIO_GRPC GITDIR_BOOST_ASIO GITDIR_DOCTEST
#
# Dependencies: gRPC 1.51, protobuf 3.21 and GoogleTest from Debian 12; the
# protos of example/proto and test/proto are generated with Debian's protoc
# and grpc_cpp_plugin (with mock code, as the project's CMake asks) into
# OUT/gen-asio-grpc/{example,test}. The examples need Boost.Asio's deferred
# default completion token (Boost 1.84+; Debian 12 has 1.81): the headers of
# boostorg/asio at boost-1.86.0 go to OUT/deps-asio-grpc/boost-asio/include,
# ahead of Debian's Boost; doctest (not a Debian 12 package) is its header
# from doctest/doctest v2.5.0. Nothing is stubbed. Flags are those of the
# project's CMake files for the Boost.Asio C++20 targets: -std=c++20,
# AGRPC_BOOST_ASIO, BOOST_ASIO_NO_DEPRECATED, BOOST_ASIO_HAS_STD_INVOKE_RESULT,
# BOOST_ASIO_DISABLE_BOOST_COROUTINE; tests add BOOST_ASIO_SEPARATE_COMPILATION,
# BOOST_ASIO_NO_TS_EXECUTORS and ASIO_GRPC_TEST_CPP_VERSION. Units: example/*.cpp,
# the Boost.Asio snippets, test/src/*.cpp and test/utils/utils/*.cpp; the
# libunifex and Boost.Cobalt parts are left out (not laid out here), and
# the C++17-only units drop out for want of a coroutine. Then:
#   async-lint -p OUT/asio-grpc-db -j2 --no-cache --format=json --output=asio-grpc.json \
#     --header-filter='OUT/asio-grpc.*' $(cat OUT/asio-grpc-files.txt)
set -euo pipefail
[ $# -eq 4 ] || { sed -n 2,27p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
a=$(gd "$2") b=$(gd "$3") t=$(gd "$4")
sha=57069c53f9c5877153da29a94c28f2138a77dbf1      # 3.7.0
boost_sha=c28d453674dd2071fdc8cce5ffabcb54c910f466 # boost-1.86.0
doctest_sha=d44d4f6e66232d716af82f00a063759e9d0e50d6 # v2.5.0
for x in "$a $sha" "$b $boost_sha" "$t $doctest_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/asio-grpc" gen="$out/gen-asio-grpc" deps="$out/deps-asio-grpc"
rm -rf "$root" "$gen" "$deps" && mkdir -p "$root" "$gen/example" "$gen/test" "$deps/boost-asio" "$deps/doctest/doctest"
git --git-dir="$a" archive "$sha" | tar -x -C "$root"
# (the archive's doc/ entries may be absent from a snapshot; only include/ is needed)
git --git-dir="$b" archive "$boost_sha" include | tar -x -C "$deps/boost-asio" || true
git --git-dir="$t" show "$doctest_sha:doctest/doctest.h" >"$deps/doctest/doctest/doctest.h"
proto() { # dir out protos...
  local dir=$1 o=$2; shift 2
  (cd "$dir" && for p in "$@"; do
    protoc -I. --cpp_out="$o" --grpc_out=generate_mock_code=true:"$o" \
      --plugin=protoc-gen-grpc=/usr/bin/grpc_cpp_plugin "$p"; done)
}
proto "$root/example/proto" "$gen/example" example/v1/example.proto example/v1/example_ext.proto \
  grpc/health/v1/health.proto helloworld/helloworld.proto
proto "$root/test/proto" "$gen/test" grpc/health/v1/health.proto test/v1/test.proto test/msg/message.proto
ex="$root/example" ts="$root/test"
python3 "$here/units.py" asio-grpc "$root" "$out/asio-grpc-db" "$out/asio-grpc-files.txt" \
  --extra "$ex/*=-I$ex/helper" --extra "$ex/*=-isystem$gen/example" \
  --extra "$ts/*=-isystem$gen/test" --extra "$ts/*=-I$ts/utils" --extra "$ts/*=-isystem$deps/doctest" \
  --extra "$ts/*=-DBOOST_ASIO_SEPARATE_COMPILATION" --extra "$ts/*=-DBOOST_ASIO_NO_TS_EXECUTORS" \
  --extra "$ts/*=-DASIO_GRPC_TEST_CPP_VERSION=\"Boost.Asio C++20\"" -- \
  clang++-22 -std=c++20 -DAGRPC_BOOST_ASIO -DBOOST_ASIO_NO_DEPRECATED -DBOOST_ASIO_HAS_STD_INVOKE_RESULT \
  -DBOOST_ASIO_DISABLE_BOOST_COROUTINE -I"$root/src" -isystem"$deps/boost-asio/include" -- \
  "$ex"/*.cpp "$ex"/snippets/{alarm,client,client_callback,client_rpc,server,server_callback,server_rpc,io_context}.cpp \
  "$ts"/src/*.cpp "$ts"/utils/utils/*.cpp
