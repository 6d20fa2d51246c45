#!/usr/bin/env bash
# Lays out the fourth holdout code base (issue #23): qicosmos/cinatra, an HTTP
# and WebSocket library written on coroutines (async_simple's Lazy over asio,
# both bundled in its include/), with its examples, tests and press tool, at a
# pinned commit, and a compile_commands.json for its units.
#
#   prepare-cinatra.sh OUT GITDIR_CINATRA
#
# The tree is written blob by blob (not by `git archive`) because the stored
# snapshot lacks one data file of the tests (tests/files_for_test_time_parse/
# http_times.txt), which `git archive` refuses; no source file is missing.
# The iguana submodule is not needed (ENABLE_METRIC_JSON off). doctest is
# bundled (tests/doctest), so nothing is stubbed. Flags are those of the
# project's CMake files for tests and examples: -std=c++20, include/ and
# include/cinatra, ASYNC_SIMPLE_HAS_NOT_AIO, INJECT_FOR_HTTP_CLIENT_TEST,
# INJECT_FOR_HTTP_SEVER_TEST (sic), and BENCHMARK_TEST for
# press_tool; no SSL, no gzip, no io_uring.
# Units that clang++-22 cannot parse are listed and left out of the database.
# Then (one core):
#   async-lint -p OUT/cinatra-db -j1 --no-cache --format=json --output=cinatra.json \
#     --header-filter='OUT/cinatra.*' $(cat OUT/cinatra-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,22p "$0"; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
d="$2"; [ -d "$d/.git" ] && d="$d/.git"
sha=6da4c573579c6ddee5702553a5951af934258f32
git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "cinatra: commit $sha not in $d" >&2; exit 1; }
root="$out/cinatra"
rm -rf "$root" && mkdir -p "$root"
git --git-dir="$d" ls-tree -r "$sha" | while read -r mode type blob path; do
  [ "$type" = blob ] || continue
  mkdir -p "$root/$(dirname "$path")"
  git --git-dir="$d" cat-file blob "$blob" >"$root/$path" 2>/dev/null ||
    { echo "cinatra: blob of $path missing, skipped" >&2; rm -f "$root/$path"; }
done
python3 - "$root" "$out/cinatra-db" <<'P'
import glob, json, os, subprocess, sys
root, dbdir = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(root + "/tests/*.cpp") + glob.glob(root + "/example/*.cpp") +
               glob.glob(root + "/press_tool/*.cpp"))
base = ["clang++-22", "-std=c++20", "-pthread", "-I" + root + "/include",
        "-I" + root + "/include/cinatra", "-DASYNC_SIMPLE_HAS_NOT_AIO",
        "-DINJECT_FOR_HTTP_CLIENT_TEST", "-DINJECT_FOR_HTTP_SEVER_TEST"]
db, bad = [], []
for f in files:
    d = os.path.dirname(f)
    args = base + ["-I" + d, "-I" + root + "/tests/doctest"]
    if "/press_tool/" in f:  # its CMake file builds it with the client's benchmark hooks
        args.append("-DBENCHMARK_TEST")
    r = subprocess.run(args + ["-fsyntax-only", f], cwd=d, capture_output=True, text=True)
    if r.returncode != 0:
        bad.append(f)
        print("does not parse, skipped:", os.path.relpath(f, root), file=sys.stderr)
        print("\n".join(r.stderr.splitlines()[:5]), file=sys.stderr)
        continue
    db.append({"directory": d, "file": f, "arguments": args + ["-c", f]})
os.makedirs(dbdir, exist_ok=True)
json.dump(db, open(os.path.join(dbdir, "compile_commands.json"), "w"), indent=1)
open(os.path.join(dbdir, "..", "cinatra-files.txt"), "w").write("".join(e["file"] + "\n" for e in db))
print("cinatra: %d units in %s, %d not parsed" % (len(db), dbdir, len(bad)))
P
