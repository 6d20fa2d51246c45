#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 22 (issue #23):
# petiaccja/asyncpp, a C++20 coroutine library (task, shared_task, generator,
# stream, event, mutex, semaphore, join, thread_pool, an "interleaver" for
# testing thread interleavings), with its Catch2 tests, at a pinned commit,
# and a compile_commands.json for its units.
#
#   prepare-petiaccja.sh OUT GITDIR_ASYNCPP GITDIR_CATCH2
#
# Catch2 is not a Debian 12 package: its single-header amalgamation
# (extras/catch_amalgamated.hpp) is taken from catchorg/Catch2 at v3.4.0, the
# version the project's conanfile.txt asks for, into OUT/petiaccja-stubs, with
# the three <catch2/...> headers the tests include forwarding to it (the real
# registration macros: a test case is registered by a namespace-scope object).
# Flags are those of the project's CMake files: -std=c++20, include/,
# ASYNCPP_BUILD_TESTS=1; test_stream.cpp includes <testing/interleaver.hpp>,
# so include/asyncpp is on the path too. Units: src/**.cpp and test/**.cpp;
# the benchmarks (benchmark/*.cpp) need celero, which is not here, and are
# left out as not parsed. Units are kept when their preprocessed text has
# co_await, co_return or co_yield on a line of a project file; units that
# clang++-22 (with Debian 12's libstdc++ 12) cannot parse are listed and left
# out. Then (one core):
#   async-lint -p OUT/petiaccja-db -j1 --no-cache --format=json --output=petiaccja.json \
#     --header-filter='OUT/petiaccja.*' $(cat OUT/petiaccja-files.txt)
set -euo pipefail
[ $# -eq 3 ] || { sed -n 2,25p "$0"; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
c="$3"; [ -d "$c/.git" ] && c="$c/.git"
sha=287d1a001dfab7c3e1dfec62077b0c4e070e20c2
catch_sha=6e79e682b726f524310d55dec8ddac4e9c52fb5f # v3.4.0
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "petiaccja: commit $sha not in $d" >&2; exit 1; }
git --git-dir="$c" cat-file -e "$catch_sha^{commit}" 2>/dev/null || { echo "Catch2: commit $catch_sha not in $c" >&2; exit 1; }
root="$out/petiaccja"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
st="$out/petiaccja-stubs"
rm -rf "$st" && mkdir -p "$st/catch2"
git --git-dir="$c" show "$catch_sha:extras/catch_amalgamated.hpp" >"$st/catch2/catch_amalgamated.hpp"
for h in catch_test_macros catch_template_test_macros catch_session; do
  printf '#pragma once\n#include <catch2/catch_amalgamated.hpp>\n' >"$st/catch2/$h.hpp"
done
python3 - "$root" "$st" "$out/petiaccja-db" "$out/petiaccja-files.txt" <<'P'
import glob, json, os, re, subprocess, sys
root, st, dbdir, listing = sys.argv[1:5]
files = sorted(glob.glob(root + "/src/**/*.cpp", recursive=True) +
               glob.glob(root + "/test/**/*.cpp", recursive=True) +
               glob.glob(root + "/benchmark/*.cpp"))
args = ["clang++-22", "-std=c++20", "-DASYNCPP_BUILD_TESTS=1", "-I" + root + "/include",
        "-I" + root + "/include/asyncpp", "-I" + st]
coro = re.compile(r"\bco_(await|return|yield)\b")
marker = re.compile(r'^# \d+ "([^"]*)"')
db, bad, plain = [], [], []
for f in files:
    d = os.path.dirname(f)
    r = subprocess.run(args + ["-fsyntax-only", f], cwd=d, capture_output=True, text=True)
    if r.returncode != 0:
        bad.append(f)
        print("does not parse, skipped:", os.path.relpath(f, root), file=sys.stderr)
        print("\n".join([l for l in r.stderr.splitlines() if "error" in l][:2]), file=sys.stderr)
        continue
    pp = subprocess.run(args + ["-E", f], cwd=d, capture_output=True, text=True).stdout
    cur, has = f, False
    for line in pp.splitlines():
        m = marker.match(line)
        if m:
            cur = m.group(1)
        elif cur.startswith(root + "/") and coro.search(line):
            has = True
            break
    if not has:
        plain.append(f)
        continue
    db.append({"directory": d, "file": f, "arguments": args + ["-c", f]})
os.makedirs(dbdir, exist_ok=True)
json.dump(db, open(os.path.join(dbdir, "compile_commands.json"), "w"), indent=1)
open(listing, "w").write("".join(e["file"] + "\n" for e in db))
print("petiaccja: %d units considered, %d with a coroutine in %s, %d without one, %d not parsed"
      % (len(files), len(db), dbdir, len(plain), len(bad)))
for f in bad:
    print("  not parsed:", os.path.relpath(f, root))
for f in plain:
    print("  no coroutine:", os.path.relpath(f, root))
P
