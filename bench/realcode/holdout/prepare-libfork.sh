#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 25 (issue #23):
# ConorWilliams/libfork, a continuation-stealing fork-join tasking library on
# C++20 coroutines (lf::task, co_await lf::fork[...]/lf::call[...]/lf::join,
# lf::sync_wait on lazy/busy/unit pools, lf::just, lf::eventually, explicit
# scheduling, fold/map/for_each/scan algorithms), with its Catch2 tests and
# the libfork versions of its benchmarks (fib, fold, integrate, matmul,
# nqueens, primes, scan, uts), at a pinned commit, and a
# compile_commands.json for its units.
#
#   prepare-libfork.sh OUT GITDIR_LIBFORK GITDIR_CATCH2
#
# Dependencies: Catch2 v3.7.1's amalgamated header (extras/), reached through
# two one-line headers catch2/catch_test_macros.hpp and
# catch2/catch_template_test_macros.hpp that include it (written here, not
# stubs: the whole of Catch2 is behind them); Google Benchmark from Debian 12.
# Flags are those of the project's CMake files: -std=c++23 (cxx_std_23),
# include/ on the include path; hwloc is left out (optional, not found). The
# benchmarks' C part (uts's sha1 rng) is C, not linted; the benchmarks of
# other libraries (TBB, Taskflow, OpenMP, TooManyCooks) are left out. Units:
# test/source/**.cpp, bench/source/*/libfork.cpp, bench/source/calibrate.cpp,
# bench/source/coroutine/incremental.cpp; units.py keeps those that parse
# with clang++-22 and have a coroutine. Then:
#   async-lint -p OUT/libfork-db -j2 --no-cache --format=json --output=libfork.json \
#     --header-filter='OUT/libfork/.*' $(cat OUT/libfork-files.txt)
# Most test files are wrapped whole in `// NOLINTBEGIN No linting in tests`
# ... `// NOLINTEND`, which async-lint honours, so nothing in them is
# reported. To measure the checks on them too, a second tree OUT/libfork-nl
# holds a copy of test/ with those two comments renamed (NOLINTBEGIN ->
# NOLINT_OFF_BEGIN, NOLINTEND -> NOLINT_OFF_END; nothing else changed),
# with a database OUT/libfork-nl-db (the first one's commands on the copy)
# and OUT/libfork-nl-files.txt (the copies of the units that had them);
# lint it with --header-filter='OUT/libfork-nl/.*'.
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,33p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
gd() { local d="$1"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
l=$(gd "$2") c=$(gd "$3")
sha=2f359cdab8150c2624bbe1f904a663180ed52109       # 2026-01-17
catch_sha=$(git --git-dir="$c" rev-parse v3.7.1^{commit}) # v3.7.1
for x in "$l $sha" "$c $catch_sha"; do
  set -- $x
  git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null || { echo "commit $2 not in $1" >&2; exit 1; }
done
root="$out/libfork" deps="$out/deps-libfork"
rm -rf "$root" "$deps" && mkdir -p "$root" "$deps/catch2/catch2"
git --git-dir="$l" archive "$sha" include test bench | tar -x -C "$root"
git --git-dir="$c" show "$catch_sha:extras/catch_amalgamated.hpp" >"$deps/catch2/catch2/catch_amalgamated.hpp"
for h in catch_test_macros catch_template_test_macros; do
  echo '#include "catch_amalgamated.hpp"' >"$deps/catch2/catch2/$h.hpp"
done
shopt -s globstar nullglob
python3 "$here/units.py" libfork "$root" "$out/libfork-db" "$out/libfork-files.txt" -- \
  clang++-22 -std=c++23 -I"$root/include" -isystem"$deps/catch2" -- \
  "$root"/test/source/**/*.cpp "$root"/bench/source/*/libfork.cpp \
  "$root"/bench/source/calibrate.cpp "$root"/bench/source/coroutine/incremental.cpp
nl="$out/libfork-nl"
rm -rf "$nl" "$out/libfork-nl-db" && mkdir -p "$nl" "$out/libfork-nl-db"
cp -r "$root/test" "$nl/test"
grep -rl NOLINTBEGIN "$nl/test" | xargs sed -i 's/NOLINTBEGIN/NOLINT_OFF_BEGIN/; s/NOLINTEND/NOLINT_OFF_END/'
python3 - "$root" "$nl" "$out" <<'PY'
import json, sys
root, nl, out = sys.argv[1:]
db = json.load(open(out + "/libfork-db/compile_commands.json"))
new, files = [], []
for e in db:
    if not e["file"].startswith(root + "/test/"):
        continue
    src = e["file"]
    if "NOLINT_OFF_BEGIN" not in open(src.replace(root, nl, 1)).read():
        continue
    f = src.replace(root, nl, 1)
    new.append({"directory": e["directory"].replace(root, nl, 1), "file": f,
                "arguments": [a.replace(src, f) for a in e["arguments"]]})
    files.append(f)
json.dump(new, open(out + "/libfork-nl-db/compile_commands.json", "w"), indent=1)
open(out + "/libfork-nl-files.txt", "w").write("".join(f + "\n" for f in files))
print("libfork-nl: %d units with the blanket NOLINT renamed" % len(files))
PY
