#!/usr/bin/env bash
# Lays out a holdout code base measured from outside at stop 28 (issue #23):
# danvratil/qcoro, C++20 coroutines for Qt (QCoro::Task, LazyTask, generators,
# qCoro() wrappers that make QTimer, QNetworkReply, QProcess, QThread, sockets,
# D-Bus calls, QFuture and signals awaitable, waitFor to block on a task in a
# nested event loop, connect() to hand a task's result to a callback). Its
# examples are small Qt applications that use it (a D-Bus client, a network
# fetch, a chained timer, a background task next to a ticking UI timer, an
# iodevice reader), its tests run the wrappers under QtTest inside an event
# loop, and its few library sources with coroutines are kept as well.
#
#   prepare-qcoro.sh OUT GITDIR_QCORO
#
# Dependencies: Qt 6 from Debian 12 (qt6-base-dev: Core, Network, DBus,
# Concurrent, Widgets, Test). QCoro's own CMake configures the tree with
# clang++-22 (QtWebSockets, QtQuick and QML support off: not in qt6-base-dev)
# into OUT/deps-qcoro/build, and its automoc targets are built there, since
# the tests include the .moc files moc makes from them (automoc builds the
# QCoro libraries and test helpers first: about two minutes on one core);
# the camel-case headers, export headers and the D-Bus test interface are the
# ones QCoro's CMake generates. Nothing is stubbed. The compile database is
# CMake's, cut to the sources under examples/, tests/ and qcoro/ that have
# co_await, co_return or co_yield in them and parse with clang++-22. Then:
#   async-lint -p OUT/qcoro-db -j2 --no-cache --format=json --output=qcoro.json \
#     --header-filter='OUT/qcoro.*' $(cat OUT/qcoro-files.txt)
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,25p "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
g="$2"; [ -d "$g/.git" ] && g="$g/.git"
sha=1955004735bdd255264847c7ec726ba7b9af1046 # 2024-10-06
git --git-dir="$g" cat-file -e "$sha^{commit}" 2>/dev/null || { echo "commit $sha not in $g" >&2; exit 1; }
root="$out/qcoro" build="$out/deps-qcoro/build"
rm -rf "$root" "$out/deps-qcoro" && mkdir -p "$root" "$build"
git --git-dir="$g" archive "$sha" | tar -x -C "$root"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DUSE_QT_VERSION=6 -DBUILD_TESTING=ON -DQCORO_WITH_QTWEBSOCKETS=OFF -DQCORO_WITH_QTQUICK=OFF \
  -DQCORO_WITH_QML=OFF -DCMAKE_AUTOGEN_ORIGIN_DEPENDS=OFF >"$build/configure.log"
autogen=$(ninja -C "$build" -t targets all | grep -oE '^[A-Za-z0-9_./-]*_autogen: phony' | grep -v CMakeFiles | cut -d: -f1 | sort -u)
ninja -C "$build" -j1 $autogen >"$build/autogen.log"
python3 - "$here" "$root" "$build" "$out" <<'P'
import json, os, re, shlex, subprocess, sys
here, root, build, out = sys.argv[1:]
sys.path.insert(0, here)
from units import has_coroutine
coro = re.compile(r"\bco_(await|return|yield)\b")
db, bad = [], []
for e in json.load(open(os.path.join(build, "compile_commands.json"))):
    f = os.path.abspath(os.path.join(e["directory"], e["file"]))
    rel = os.path.relpath(f, root)
    if rel.split("/")[0] not in ("examples", "tests", "qcoro") or not coro.search(open(f).read()):
        continue
    if any(x["file"] == f for x in db):
        continue
    args = shlex.split(e["command"])
    i = args.index("-o"); del args[i:i + 2]
    i = args.index("-c"); del args[i:i + 2]
    r = subprocess.run(args + ["-fsyntax-only", f], cwd=e["directory"], capture_output=True, text=True)
    if r.returncode != 0 or not has_coroutine(args, f, root):
        bad.append(rel)
        print("left out:", rel, *[l for l in r.stderr.splitlines() if "error" in l][:2], sep="\n  ", file=sys.stderr)
        continue
    db.append({"directory": e["directory"], "file": f, "arguments": args + ["-c", f]})
os.makedirs(os.path.join(out, "qcoro-db"), exist_ok=True)
json.dump(db, open(os.path.join(out, "qcoro-db", "compile_commands.json"), "w"), indent=1)
open(os.path.join(out, "qcoro-files.txt"), "w").write("".join(e["file"] + "\n" for e in db))
print("qcoro: %d units in %s/qcoro-db, %d left out" % (len(db), out, len(bad)))
P
