#!/usr/bin/env bash
# Lays out a holdout code base measured from outside (issue #23, stop 21):
# facebookexperimental/libunifex (senders/receivers with C++20 coroutine
# support: unifex::task, at_coroutine_exit, awaitable senders), with its
# tests and examples, at a pinned commit, and a compile_commands.json of the
# units that have a coroutine.
#
#   prepare-libunifex.sh OUT GITDIR_LIBUNIFEX
#
# Units: test/*.cpp (gtest/gmock from /usr/include, -DUNIFEX_UNIT_TEST=1 as
# test/CMakeLists.txt sets), examples/*.cpp, examples/linux/*.cpp and
# source/*.cpp, source/linux/*.cpp (the Windows sources, source/win32, are left
# out: they cannot compile here). unifex/config.hpp is no longer generated at
# this commit (it probes with __has_include), so nothing is configured; the
# flags are -std=c++20 (coroutines on: __cpp_impl_coroutine) and include/.
# A unit is kept when its preprocessed text has co_await, co_return or co_yield
# on a line that comes from a file of the project (the unit or a header of
# libunifex it includes); units that clang++-22 cannot parse are listed and
# left out. Then (one core):
#   async-lint -p OUT/libunifex-db -j1 --no-cache --format=json --output=libunifex.json \
#     --header-filter='OUT/libunifex.*' $(cat OUT/libunifex-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,21p "$0"; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=c6e5af988fd2b7c63fea1745b09c4cab04cc59be
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "libunifex: commit $sha not in $d" >&2; exit 1; }
root="$out/libunifex"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
python3 - "$root" "$out/libunifex-db" "$out/libunifex-files.txt" <<'P'
import glob, json, os, re, subprocess, sys
root, dbdir, listing = sys.argv[1:4]
files = []
for pat in ("test/*.cpp", "examples/*.cpp", "examples/linux/*.cpp", "source/*.cpp", "source/linux/*.cpp"):
    files += sorted(glob.glob(os.path.join(root, pat)))
base = ["clang++-22", "-std=c++20", "-I" + root + "/include"]
coro = re.compile(r"\bco_(await|return|yield)\b")
marker = re.compile(r'^# \d+ "([^"]*)"')
db, bad, plain = [], [], []
for f in files:
    d = os.path.dirname(f)
    args = base + (["-DUNIFEX_UNIT_TEST=1"] if "/test/" in f else [])
    r = subprocess.run(args + ["-fsyntax-only", f], cwd=d, capture_output=True, text=True)
    if r.returncode != 0:
        bad.append(f)
        print("does not parse, skipped:", os.path.relpath(f, root), file=sys.stderr)
        print("\n".join(r.stderr.splitlines()[:4]), file=sys.stderr)
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
print("libunifex: %d units considered, %d with a coroutine in %s, %d without one, %d not parsed"
      % (len(files), len(db), dbdir, len(plain), len(bad)))
for f in bad:
    print("  not parsed:", os.path.relpath(f, root))
P
