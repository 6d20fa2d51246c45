#!/usr/bin/env bash
# Lays out the sixth holdout code base (issue #23): YACLib/YACLib, a library of
# futures, executors and C++20 coroutines (yaclib/coro: Task, Future awaiting,
# On, AsyncMutex, AwaitGroup), with its unit tests and examples, at a pinned
# commit, and a compile database for them.
#
#   prepare-yaclib.sh OUT GITDIR_YACLIB
#
# Everything is written under OUT/yaclib: the tree, and in OUT/yaclib/_holdout
# the config.hpp that YACLib's CMake would generate (src/config.hpp.in with the
# defaults of cmake/yaclib_flags.cmake and YACLIB_FLAGS=CORO: coroutines on,
# symmetric and final-suspend transfer on, no fault injection, no futex, no
# sanitizer, no coverage), compile_commands.json and files.txt.
# Units: every test/unit and test/example source the default test build
# compiles (test/CMakeLists.txt with YACLIB_CORO_NEED; log.cpp with its two
# log defines, dealloc_order.cpp as the non-sanitizer build adds it), 40 in
# all; not test/unit/fault/* (built only with YACLIB_FAULT=FIBER) and not
# test/test.cpp (GoogleTest's main). GoogleTest is Debian's (libgtest-dev),
# so nothing is stubbed. Flags: -std=c++20 -Iinclude -I_holdout/include -Isrc
# -Itest -DYACLIB_CI_SLOWDOWN=1, as yaclib_add_test gives them.
# Units that clang++-22 cannot parse are listed and left out of the database.
# Then (one core):
#   async-lint -p OUT/yaclib/_holdout -j1 --no-cache --format=json \
#     --output=OUT/yaclib.json --header-filter='OUT/yaclib.*' \
#     $(cat OUT/yaclib/_holdout/files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,24p "$0"; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=a4b927349620abc6f8d5da19b7029a3957ecb1c2
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "yaclib: commit $sha not in $d" >&2; exit 1; }
root="$out/yaclib"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
mkdir -p "$root/_holdout/include/yaclib"
# The values cmake/yaclib_flags.cmake and src/fault/CMakeLists.txt set by default.
sed -e 's/\${YACLIB_\(ASAN\|TSAN\|MEMSAN\|UBSAN\|COVERAGE\|FAULT\|FUTEX\)}/0/g' \
    -e 's/\${YACLIB_\(CORO_NEED\|SYMMETRIC_TRANSFER\|FINAL_SUSPEND_TRANSFER\)}/1/g' \
    "$root/src/config.hpp.in" >"$root/_holdout/include/yaclib/config.hpp"
! grep -n '\${' "$root/_holdout/include/yaclib/config.hpp" || { echo "yaclib: config.hpp has an unset variable" >&2; exit 1; }
python3 - "$root" <<'P'
import glob, json, os, subprocess, sys
root = sys.argv[1]
hold = os.path.join(root, "_holdout")
files = sorted(f for f in glob.glob(root + "/test/unit/**/*.cpp", recursive=True) +
               glob.glob(root + "/test/example/**/*.cpp", recursive=True)
               if "/test/unit/fault/" not in f)
base = ["clang++-22", "-std=c++20", "-pthread", "-I" + root + "/include", "-I" + hold + "/include",
        "-I" + root + "/src", "-I" + root + "/test", "-DYACLIB_CI_SLOWDOWN=1"]
db, bad = [], []
for f in files:
    args = list(base)
    if f.endswith("/test/unit/log.cpp"):  # test/CMakeLists.txt builds yaclib_log_test with both
        args += ["-DYACLIB_LOG_DEBUG", "-DYACLIB_LOG_WARN"]
    r = subprocess.run(args + ["-fsyntax-only", f], cwd=root, capture_output=True, text=True)
    if r.returncode != 0:
        bad.append(f)
        print("does not parse, skipped:", os.path.relpath(f, root), file=sys.stderr)
        print("\n".join(r.stderr.splitlines()[:5]), file=sys.stderr)
        continue
    db.append({"directory": root, "file": f, "arguments": args + ["-c", f]})
json.dump(db, open(os.path.join(hold, "compile_commands.json"), "w"), indent=1)
open(os.path.join(hold, "files.txt"), "w").write("".join(e["file"] + "\n" for e in db))
print("yaclib: %d units in %s, %d not parsed" % (len(db), hold, len(bad)))
P
