#!/usr/bin/env python3
"""Compiles every unit of the libcoro and concurrencpp compile databases
(laid out by ../shared/realcode/prepare.sh) with the compiler plugin and
compares its findings with async-lint's on the same units.

    bench/plugin_realcode.py [--build build] /work/realcode

Each unit is compiled with its own command (-c -O0, object discarded) and
-fplugin=; the findings of both are compared as sets of (file, line, column,
check), a header's finding once however many units report it. Exits 1 when
the sets differ.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

FINDING = re.compile(r"^(/[^:\s]+):(\d+):(\d+): (?:warning|error): .*"
                     r"\[(async-[a-z-]+)(?:,-warnings-as-errors)?\]$", re.M)


def findings(text):
    return {(os.path.realpath(m.group(1)), int(m.group(2)), int(m.group(3)),
             m.group(4)) for m in FINDING.finditer(text)}


def compile_command(entry, plugin):
    """The unit's own command, its object discarded, with the plugin."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    kept, skip = [], False
    for arg in args[1:]:
        if skip:
            skip = False
        elif arg == "-o":
            skip = True
        elif not arg.startswith("-O"):
            kept.append(arg)
    return ["clang++-22"] + kept + ["-O0", "-fplugin=" + plugin, "-o",
                                    os.devnull]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default="build")
    p.add_argument("root", help="the folder prepare.sh laid out")
    args = p.parse_args()
    plugin = os.path.abspath(os.path.join(
        args.build, "lib", "libAsyncLintCompilerPlugin.so"))
    driver = os.path.join(args.build, "bin", "async-lint")
    by_plugin, by_driver, units = set(), set(), 0
    for project in ("libcoro", "concurrencpp"):
        tree = os.path.join(args.root, project)
        with open(os.path.join(tree, "compile_commands.json")) as db:
            entries = json.load(db)
        for entry in entries:
            run = subprocess.run(compile_command(entry, plugin),
                                 cwd=entry["directory"], capture_output=True,
                                 text=True)
            if run.returncode != 0:
                sys.exit("plugin_realcode.py: %s does not compile:\n%s" %
                         (entry["file"], run.stderr[-2000:]))
            units += 1
            by_plugin |= findings(run.stderr)
        run = subprocess.run([driver, "-p", tree, "--no-cache", tree],
                             capture_output=True, text=True)
        by_driver |= findings(run.stdout)
    print("%d units: %d findings by the compiler plugin, %d by async-lint" %
          (units, len(by_plugin), len(by_driver)))
    for name, only in (("compiler plugin", by_plugin - by_driver),
                       ("async-lint", by_driver - by_plugin)):
        for item in sorted(only):
            print("only the %s: %s:%d:%d [%s]" % ((name,) + item))
    sys.exit(1 if by_plugin != by_driver else 0)


if __name__ == "__main__":
    main()
