#!/usr/bin/env bash
# Lays out the holdout code bases: coroutine projects that no rule was tuned
# on, linted to see whether the checks hold on code nobody here has read
# (netcan/asyncio, JohanVanslembrouck/corolib, and tzcnt/TooManyCooks with
# its examples and tests, tzcnt/tmc-examples, and tzcnt/tmc-asio, at pinned
# commits), with a compile_commands.json each.
#
#   prepare.sh OUT GITDIR_ASYNCIO GITDIR_COROLIB GITDIR_TMC GITDIR_TMC_EXAMPLES GITDIR_TMC_ASIO
#
# asyncio needs {fmt}, Catch2 and nanobench, which Debian 12 does not ship
# as the project uses them: stubs/ holds declarations written for linting
# only. corolib is configured with CMake (its tutorial and Boost.Asio
# examples; GoogleTest, Qt and the other optional parts off); the units
# clang cannot parse (corolib is written for GCC and MSVC) are reported by
# the driver as not analysed. TooManyCooks is header-only: its database
# lists tmc-examples' examples and tests (GoogleTest from Debian; asio from
# libasio-dev), written to OUT/tmc-examples. Then, for each project:
#   async-lint -p OUT/<project> --header-filter="OUT/<project>/.*" \
#     --format=json --output=<project>.json <the files of the database>
set -euo pipefail
[ $# -eq 6 ] || { sed -n 2,21p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
extract() { # name gitdir sha
  local name=$1 d="$2" sha=$3; [ -d "$d/.git" ] && d="$d/.git"
  git --git-dir="$d" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "$name: commit $sha not in $d" >&2; exit 1; }
  rm -rf "$out/$name" && mkdir -p "$out/$name"
  git --git-dir="$d" archive "$sha" | tar -x -C "$out/$name"
}
extract asyncio "$2" 2ccac434a9246a3248d08097362eb807f5e6e50c
extract corolib "$3" 0b6e7d5e096dd48f59d4464c0ae08eda4e7f8588
extract tmc "$4" 6f18dfd6baeddc8572e754a02efca92ee2a31785
extract tmc-examples "$5" dea45cb1187ea47b197d6ccb56f60f74cb07e15f
extract tmc-asio "$6" 672d0a4bb31928d9e455bc9071f9df616a77dd91
python3 - "$out" "$here/stubs" <<'P'
import glob, json, os, sys
out, stubs = sys.argv[1], sys.argv[2]
root = os.path.join(out, "asyncio")
files = sorted(glob.glob(root + "/src/*.cpp") + glob.glob(root + "/test/*/*.cpp"))
db = [{"directory": root, "file": f,
       "arguments": ["clang++-22", "-std=c++20", "-I" + root + "/include",
                     "-isystem", stubs, "-c", f]} for f in files]
json.dump(db, open(os.path.join(root, "compile_commands.json"), "w"), indent=1)
ex = os.path.join(out, "tmc-examples")
files = sorted(glob.glob(ex + "/examples/*.cpp") + glob.glob(ex + "/examples/asio/*.cpp") +
               glob.glob(ex + "/examples/external/*.cpp") + glob.glob(ex + "/tests/*.cpp"))
args = ["clang++-22", "-std=c++20", "-I" + out + "/tmc/include", "-I" + out + "/tmc-asio/include",
        "-I" + ex + "/examples", "-I" + ex + "/tests"]
db = [{"directory": ex, "file": f, "arguments": args + ["-c", f]} for f in files]
json.dump(db, open(os.path.join(ex, "compile_commands.json"), "w"), indent=1)
P
cl="$out/corolib"
sed -i 's/set(USE_GOOGLETEST TRUE)/set(USE_GOOGLETEST FALSE)/; s/set(BOOST_INSTALLED FALSE)/set(BOOST_INSTALLED TRUE)/' "$cl/CMakeLists.txt"
cmake -S "$cl" -B "$out/corolib-build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_CXX_FLAGS="-DUSE_CPP20SEMAPHORE=1 -DUSE_IN_MT_APPS=1" >/dev/null
# One entry per file (the tutorial's shared sources are listed by several targets).
python3 - "$out/corolib-build/compile_commands.json" "$cl/compile_commands.json" <<'P'
import json, sys
seen, db = set(), []
for entry in json.load(open(sys.argv[1])):
    if entry["file"] not in seen:
        seen.add(entry["file"])
        db.append(entry)
json.dump(db, open(sys.argv[2], "w"), indent=1)
P
echo "laid out in $out: tmc-examples ($(python3 -c "import json,sys;print(len(json.load(open(sys.argv[1]))))" "$out/tmc-examples/compile_commands.json") units), asyncio ($(python3 -c "import json,sys;print(len(json.load(open(sys.argv[1]))))" "$out/asyncio/compile_commands.json") units), corolib ($(python3 -c "import json,sys;print(len(json.load(open(sys.argv[1]))))" "$cl/compile_commands.json") units)"
