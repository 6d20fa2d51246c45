#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 27 (issue #23):
# NVIDIA/stdexec (the reference implementation of std::execution, P2300,
# with exec::task, a coroutine task type over senders), its coroutine
# example (hello_coro) and its tests that await (exec::task, the
# at_coroutine_exit and async_scope tests, the awaitable concepts and
# connect-awaitable tests, the std::execution::task tests, and the
# asioexec use_sender test over Boost.Asio).
#
#   prepare-stdexec.sh OUT GITDIR_STDEXEC GITDIR_CATCH2 GITDIR_ASIO
#
# Dependencies: Catch2 v3.7.1's amalgamated header from its repository
# (the tests include <catch2/catch_all.hpp>; a one-line header in
# deps-stdexec/include forwards it to catch_amalgamated.hpp, which holds the
# same declarations), Boost.Asio at boost-1.86.0 (the version stdexec's
# CMake fetches) ahead of Debian 12's Boost 1.81, and exec/asio/asio_config.hpp
# generated from its .in as stdexec's ConfigureASIO.cmake does with the
# Boost implementation. Flags: -std=c++20, include/ and test/ on the path.
# Units: the sources with a coroutine under examples/ and test/; units.py
# keeps those that parse with clang++-22. Then:
#   async-lint -p OUT/stdexec-db -j2 --no-cache --format=json --output=stdexec.json \
#     --header-filter='OUT/stdexec.*' $(cat OUT/stdexec-files.txt)
set -euo pipefail
[ $# -eq 4 ] || { sed -n 2,22p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
s=$(gd "$2") c=$(gd "$3") a=$(gd "$4")
sha=e92245d53dfc37f9bc2a7ef0cc44d570bb7b3386        # 2026-08-20
catch_sha=$(git --git-dir="$c" rev-parse 'v3.7.1^{commit}')
asio_sha=c28d453674dd2071fdc8cce5ffabcb54c910f466   # boost-1.86.0
for x in "$s $sha" "$a $asio_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/stdexec" deps="$out/deps-stdexec"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/asio" "$deps/catch2" "$deps/include/catch2" "$deps/include/exec/asio"
git --git-dir="$s" archive "$sha" include examples test | tar -x -C "$root"
git --git-dir="$c" archive "$catch_sha" extras/catch_amalgamated.hpp | tar -x -C "$deps/catch2"
git --git-dir="$a" archive "$asio_sha" include | tar -x -C "$deps/asio" 2>/dev/null || true
echo '#include "../../catch2/extras/catch_amalgamated.hpp"' > "$deps/include/catch2/catch_all.hpp"
sed -e 's/#cmakedefine01 STDEXEC_ASIO_USES_STANDALONE/#define STDEXEC_ASIO_USES_STANDALONE 0/' \
    -e 's/#cmakedefine01 STDEXEC_ASIO_USES_BOOST/#define STDEXEC_ASIO_USES_BOOST 1/' \
    "$root/include/exec/asio/asio_config.hpp.in" > "$deps/include/exec/asio/asio_config.hpp"
python3 "$here/units.py" stdexec "$root" "$out/stdexec-db" "$out/stdexec-files.txt" -- \
  clang++-22 -std=c++20 -I"$root/include" -I"$root/test" -I"$deps/include" -I"$deps/asio/include" -- \
  $(grep -rlE '\bco_(await|return|yield)\b' "$root/examples" "$root/test" --include='*.cpp')
