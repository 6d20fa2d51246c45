#!/usr/bin/env bash
# Lays out the fifth holdout code base (issue #23): kelbon/kelcoro, a header-only
# coroutine library (tasks, jobs, generators, channels, events, a thread pool,
# gates, latches, when_all/when_any), with its tests, at a pinned commit, and a
# compile_commands.json for its units.
#
#   prepare-kelcoro.sh OUT GITDIR_KELCORO
#
# The project has no examples; its tests (tests/test_*.cpp, five units) are its
# application code on coroutines. They use their own macros (no test framework),
# so nothing is stubbed. Flags are those of the project's CMake files:
# -std=c++20 (extensions off) and include/. Units that clang++-22 cannot parse
# are listed and left out of the database.
# One patch: clang 22 crashes (Sema, CoroutineStmtBuilder::makeNewAndDeleteExpr)
# on any coroutine whose promise type brings operator new or operator delete in
# with a using-declaration, and so does async-lint ("analysing ... crashed");
# 4 of the 5 units hit it through memory_support.hpp's resourced_promise. The
# two using-declarations are deleted: no other promise type of kelcoro declares
# operator new/delete, so name lookup in the promise still finds the same ones
# in its base overload_new_delete<R> (the declarations only matter when both
# bases declare them). Then (one core):
#   async-lint -p OUT/kelcoro-db -j1 --no-cache --format=json --output=kelcoro.json \
#     --header-filter='OUT/kelcoro.*' $(cat OUT/kelcoro-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,23p "$0"; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=0d6a896878cf0b01a3e64666f4d7a7ef62abb456
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "kelcoro: commit $sha not in $d" >&2; exit 1; }
root="$out/kelcoro"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" archive "$sha" | tar -x -C "$root"
ms="$root/include/kelcoro/memory_support.hpp"
n=$(grep -c '^  using overload_new_delete<R>::operator \(new\|delete\);$' "$ms" || true)
[ "$n" = 2 ] || { echo "kelcoro: expected 2 using-declarations of operator new/delete in $ms, found $n" >&2; exit 1; }
sed -i '/^  using overload_new_delete<R>::operator \(new\|delete\);$/d' "$ms"
python3 - "$root" "$out/kelcoro-db" <<'P'
import glob, json, os, subprocess, sys
root, dbdir = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(root + "/tests/*.cpp"))
args = ["clang++-22", "-std=c++20", "-I" + root + "/include"]
db, bad = [], []
for f in files:
    d = os.path.dirname(f)
    r = subprocess.run(args + ["-fsyntax-only", f], cwd=d, capture_output=True, text=True)
    if r.returncode != 0:
        bad.append(f)
        print("does not parse, skipped:", os.path.relpath(f, root), file=sys.stderr)
        print("\n".join(r.stderr.splitlines()[:5]), file=sys.stderr)
        continue
    db.append({"directory": d, "file": f, "arguments": args + ["-c", f]})
os.makedirs(dbdir, exist_ok=True)
json.dump(db, open(os.path.join(dbdir, "compile_commands.json"), "w"), indent=1)
open(os.path.join(dbdir, "..", "kelcoro-files.txt"), "w").write("".join(e["file"] + "\n" for e in db))
print("kelcoro: %d units in %s, %d not parsed" % (len(db), dbdir, len(bad)))
P
