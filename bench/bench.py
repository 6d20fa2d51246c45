#!/usr/bin/env python3
"""Measures what async-lint costs, on the Boost 1.81 coroutine examples.

For each file it runs, one after the other and --repeat times each:
  syntax     clang++-22 -fsyntax-only (the floor: parsing alone)
  upstream   clang-tidy-22 with the four upstream coroutine checks
  plugin     clang-tidy-22 -load=<plugin> with the async-* checks
  driver     async-lint
and prints, per tool, the CPU time (user + system) and the peak memory
(max RSS) relative to -fsyntax-only: total CPU over all files, and the mean
of the per-file memory ratios. The fastest repeat of each file counts.

    bench/bench.py --build build [--repeat 3] [--files GLOB ...] [--quick]
    bench/bench.py --build build --instructions --files 'asio/.../echo_server.cpp'
    bench/bench.py --build build --compile-db OUT/concurrencpp/compile_commands.json

--compile-db measures the units of a compile database instead, with their
own flags (the real-code trees that ../shared/realcode/prepare.sh lays out).

CPU time on a shared machine is noisy (a few per cent between runs).
--instructions counts executed instructions under valgrind's callgrind
instead: the same count for the same binaries and inputs whatever else the
machine does, at about fifty times the run time, so give it one or two
files.
"""

import argparse
import glob
import json
import shlex
import os
import re
import subprocess
import sys

EXAMPLES = "/usr/share/doc/libboost1.81-doc/examples/libs"
DEFAULT_GLOBS = [
    "asio/example/cpp20/*/*.cpp",
    "beast/example/*/*/awaitable/*.cpp",
    "beast/example/advanced/server-flex-awaitable/*.cpp",
]
UPSTREAM = ",".join([
    "-*", "misc-coroutine-hostile-raii", "cppcoreguidelines-no-suspend-with-lock",
    "cppcoreguidelines-avoid-reference-coroutine-parameters",
    "cppcoreguidelines-avoid-capturing-lambda-coroutines"])
LLVM_BIN = "/usr/lib/llvm-22/bin"


def flags(path):
    extra = ["-std=c++20"]
    if "advanced_server_flex_awaitable" in path:
        extra += ["-I" + os.path.join(EXAMPLES, "beast"), "-include", "list"]
    return extra


# Per-file flags of a compile database (--compile-db), by path.
DB_FLAGS = {}


def unit_arguments(entry):
    """A compile database entry's file (absolute) and its arguments without
    the compiler, -fsyntax-only, -c, -o and the file, with -I paths made
    absolute (bench.py, plugin_realcode.py and torture.py read databases
    through this)."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    path = os.path.join(entry["directory"], entry["file"])
    kept, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a == "-o":
            skip = True
        elif a not in ("-fsyntax-only", "-c", entry["file"], path):
            kept.append(a if not a.startswith("-I") or os.path.isabs(a[2:])
                        else "-I" + os.path.join(entry["directory"], a[2:]))
    return path, kept


def read_compile_db(path):
    """The files of a compile database, remembering each one's flags
    (unit_arguments)."""
    files = []
    for entry in json.load(open(path)):
        f, DB_FLAGS[f] = unit_arguments(entry)
        files.append(f)
    return files


def commands(build, path):
    f = DB_FLAGS.get(path) or flags(path)
    plugin = os.path.join(build, "lib", "libAsyncLintPlugin.so")
    return {
        "syntax": [os.path.join(LLVM_BIN, "clang++"), "-fsyntax-only"] + f + [path],
        "upstream": [os.path.join(LLVM_BIN, "clang-tidy"), "--quiet",
                     "-checks=" + UPSTREAM, path, "--"] + f,
        "plugin": [os.path.join(LLVM_BIN, "clang-tidy"), "--quiet",
                   "-load=" + plugin, "-checks=-*,async-*", path, "--"] + f,
        "driver": [os.path.join(build, "bin", "async-lint"), "--quiet",
                   "--no-cache", path,
                   "--"] + f,
    }


def display(path):
    return (path if path in DB_FLAGS else os.path.relpath(path, EXAMPLES))[-60:]


def count_instructions(cmd):
    """Instructions executed by one run of cmd, under callgrind."""
    proc = subprocess.run(["valgrind", "--tool=callgrind",
                           "--callgrind-out-file=/dev/null"] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if not m:
        sys.exit("callgrind failed: " + " ".join(cmd))
    return int(m.group(1)), 0


def measure(cmd):
    """CPU seconds and peak RSS in KiB of one run of cmd."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit("failed: " + " ".join(cmd))
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def common_arguments(p):
    """The options bench.py shares with compile_bench.py."""
    p.add_argument("--build", default="build")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--files", nargs="*", default=DEFAULT_GLOBS)
    p.add_argument("--quick", action="store_true",
                   help="one file, one repeat: checks that the script works")
    p.add_argument("--instructions", action="store_true",
                   help="count instructions under callgrind instead of time")


def main():
    p = argparse.ArgumentParser()
    common_arguments(p)
    p.add_argument("--compile-db", help="measure this compile database's "
                   "units instead of the Boost examples")
    args = p.parse_args()
    if args.compile_db:
        if not os.path.isfile(args.compile_db):
            sys.exit("bench.py: no compile database at " + args.compile_db)
        args.files = read_compile_db(args.compile_db)
    if args.instructions:
        return instructions(args)

    files = selected(args)
    if args.quick:
        files, args.repeat = files[:1], 1
    if not files:
        sys.exit("no files: install libboost1.81-doc")

    tools = ["syntax", "upstream", "plugin", "driver"]
    cpu = {t: 0.0 for t in tools}
    mem_ratio = {t: [] for t in tools}
    print("%-60s %s" % ("file", "  ".join("%17s" % t for t in tools)))
    for path in files:
        best = {}
        for tool, cmd in commands(args.build, path).items():
            runs = [measure(cmd) for _ in range(args.repeat)]
            best[tool] = (min(r[0] for r in runs), min(r[1] for r in runs))
        for tool in tools:
            cpu[tool] += best[tool][0]
            mem_ratio[tool].append(best[tool][1] / best["syntax"][1])
        print("%-60s %s" % (display(path), "  ".join(
            "%6.2fs %7.0fMiB" % (best[t][0], best[t][1] / 1024) for t in tools)))

    print("\n%d files, best of %d runs each" % (len(files), args.repeat))
    print("%-10s %10s %12s %12s" % ("tool", "CPU s", "CPU ratio", "mem ratio"))
    for tool in tools:
        print("%-10s %10.2f %11.3fx %11.3fx" % (
            tool, cpu[tool], cpu[tool] / cpu["syntax"],
            sum(mem_ratio[tool]) / len(mem_ratio[tool])))


def selected(args):
    if args.compile_db:
        return sorted(args.files)
    return sorted({f for g in args.files
                   for f in glob.glob(os.path.join(EXAMPLES, g))})


def instructions(args):
    files = selected(args)
    if not files:
        sys.exit("no files")
    tools = ["syntax", "upstream", "plugin", "driver"]
    total = {t: 0 for t in tools}
    for path in files:
        counts = {t: count_instructions(c)[0]
                  for t, c in commands(args.build, path).items()}
        for t in tools:
            total[t] += counts[t]
        print("%-60s %s" % (display(path), "  ".join(
            "%14d" % counts[t] for t in tools)))
    print("\n%d files, instructions (callgrind)" % len(files))
    print("%-10s %16s %12s" % ("tool", "instructions", "ratio"))
    for t in tools:
        print("%-10s %16d %11.4fx" % (t, total[t], total[t] / total["syntax"]))


if __name__ == "__main__":
    main()
