#!/usr/bin/env python3
"""Measures what the compiler plugin adds to a compile, on the Boost 1.81
coroutine examples, next to what a separate clang-tidy pass costs.

For each file it runs, one after the other and --repeat times each:
  compile    clang++-22 -c -O1 (what the build does anyway)
  plugin     the same compile with -fplugin=libAsyncLintCompilerPlugin.so
  tidy       clang-tidy-22 -load=libAsyncLintPlugin.so -checks=-*,async-*,
             the separate pass a CI runs today beside the compile
and prints, per file, the CPU time (user + system) and the peak memory (max
RSS) of each; then, over all files, the CPU ratio to the plain compile
(total CPU) and the memory ratio (the mean of the per-file ratios of peak
memory). 'compile + tidy' is the cost of the compile and the separate pass
together; its memory is the larger of the two peaks, as the two run one
after the other. The fastest repeat of each file counts.

    bench/compile_bench.py --build build [--repeat 3] [--files GLOB ...]
    bench/compile_bench.py --build build --quick
    bench/compile_bench.py --build build --instructions --files 'asio/.../echo_server.cpp'

CPU time on a shared machine is noisy (a few per cent between runs): run it
with nice, and compare the best of several runs. --instructions counts the
instructions of the compile with and without the plugin under valgrind's
callgrind instead: the same count whatever else the machine does, at about
fifty times the run time, so give it one or two files.
"""

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import (LLVM_BIN, common_arguments,  # noqa: E402
                   count_instructions, display, flags, measure, selected)

TOOLS = ["compile", "plugin", "tidy"]


def commands(build, path, out):
    f = flags(path)
    compile_cmd = [os.path.join(LLVM_BIN, "clang++"), "-c", "-O1"] + f + [
        path, "-o", out]
    return {
        "compile": compile_cmd,
        "plugin": compile_cmd + [
            "-fplugin=" + os.path.join(build, "lib",
                                       "libAsyncLintCompilerPlugin.so")],
        "tidy": [os.path.join(LLVM_BIN, "clang-tidy"), "--quiet",
                 "-load=" + os.path.join(build, "lib", "libAsyncLintPlugin.so"),
                 "-checks=-*,async-*", path, "--"] + f,
    }


def best_of(cmd, repeat):
    runs = [measure(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def summary(best, files):
    """The rows of the summary: (name, CPU seconds, CPU ratio, mem ratio)."""
    cpu = {t: sum(best[f][t][0] for f in files) for t in TOOLS}
    mem = {t: [best[f][t][1] / best[f]["compile"][1] for f in files]
           for t in TOOLS}
    both_mem = [max(best[f]["compile"][1], best[f]["tidy"][1]) /
                best[f]["compile"][1] for f in files]
    rows = [(t, cpu[t], cpu[t] / cpu["compile"], sum(mem[t]) / len(files))
            for t in TOOLS]
    both = cpu["compile"] + cpu["tidy"]
    rows.append(("compile + tidy", both, both / cpu["compile"],
                 sum(both_mem) / len(files)))
    return rows


def instructions(build, files):
    total = {"compile": 0, "plugin": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            cmds = commands(build, path, os.path.join(tmp, "unit.o"))
            counts = {t: count_instructions(cmds[t])[0] for t in total}
            for t in total:
                total[t] += counts[t]
            print("%-60s %14d %14d" % (display(path), counts["compile"],
                                       counts["plugin"]), flush=True)
    print("\n%d files, instructions (callgrind): plugin/compile %.4fx" % (
        len(files), total["plugin"] / total["compile"]))


def main():
    p = argparse.ArgumentParser()
    common_arguments(p)
    args = p.parse_args()
    args.compile_db = None
    files = selected(args)
    if args.quick:
        files, args.repeat = files[:1], 1
    if not files:
        sys.exit("no files: install libboost1.81-doc")
    for lib in ("libAsyncLintCompilerPlugin.so", "libAsyncLintPlugin.so"):
        if not os.path.isfile(os.path.join(args.build, "lib", lib)):
            sys.exit("compile_bench.py: no %s in %s/lib" % (lib, args.build))
    if args.instructions:
        return instructions(args.build, files)

    best = {}
    print("%-60s %s" % ("file", "  ".join("%17s" % t for t in TOOLS)))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "unit.o")
        for path in files:
            best[path] = {t: best_of(c, args.repeat)
                          for t, c in commands(args.build, path, out).items()}
            print("%-60s %s" % (display(path), "  ".join(
                "%6.2fs %7.0fMiB" % (best[path][t][0], best[path][t][1] / 1024)
                for t in TOOLS)), flush=True)

    print("\n%d files, best of %d runs each" % (len(files), args.repeat))
    print("%-15s %10s %12s %12s" % ("", "CPU s", "CPU ratio", "mem ratio"))
    for name, cpu, cpu_ratio, mem_ratio in summary(best, files):
        print("%-15s %10.2f %11.3fx %11.3fx" % (name, cpu, cpu_ratio, mem_ratio))


if __name__ == "__main__":
    main()
