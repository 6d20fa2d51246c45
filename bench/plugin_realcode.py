#!/usr/bin/env python3
"""Compiles every unit of the libcoro and concurrencpp compile databases
(laid out by ../shared/realcode/prepare.sh) with the compiler plugin and
compares its findings with async-lint's on the same units.

    bench/plugin_realcode.py [--build build] /work/realcode

Each unit is compiled with its own command (-c -O0, object discarded) and
-fplugin=; both show the findings in the tree's headers (as realcode.py
does); the findings are compared as sets of (file, line, column, check), a
header's finding once however many units report it. Exits 1 when the sets
differ: a real compile instantiates templates that clang-tidy's
-fsyntax-only pass does not, so the plugin can see more.
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import unit_arguments  # noqa: E402

FINDING = re.compile(r"^([^:\s]+):(\d+):(\d+): (?:warning|error): .*"
                     r"\[(async-[a-z-]+)(?:,-warnings-as-errors)?\]$", re.M)


def findings(text, base):
    """The findings printed in \p text; relative paths (headers found
    through relative include paths) are relative to \p base."""
    return {(os.path.realpath(os.path.join(base, m.group(1))),
             int(m.group(2)), int(m.group(3)), m.group(4))
            for m in FINDING.finditer(text)}


def compile_command(entry, plugin, headers):
    """The unit's own command as a real compile (-c, its object discarded),
    with the plugin showing the findings in \p headers."""
    path, args = unit_arguments(entry)
    return (["clang++-22"] + [a for a in args if not a.startswith("-O")] +
            ["-O0", "-fplugin=" + plugin,
             "-fplugin-arg-async-lint-header-filter=" + headers, "-c", path,
             "-o", os.devnull])


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
            run = subprocess.run(compile_command(entry, plugin, project + "/"),
                                 cwd=entry["directory"], capture_output=True,
                                 text=True)
            if run.returncode != 0:
                sys.exit("plugin_realcode.py: %s does not compile:\n%s" %
                         (entry["file"], run.stderr[-2000:]))
            units += 1
            by_plugin |= findings(run.stderr, entry["directory"])
        run = subprocess.run([os.path.abspath(driver), "-p", tree,
                              "--no-cache", "--header-filter=" + project + "/",
                              tree], capture_output=True, text=True,
                             cwd=entries[0]["directory"])
        by_driver |= findings(run.stdout, entries[0]["directory"])
    print("%d units: %d findings by the compiler plugin, %d by async-lint" %
          (units, len(by_plugin), len(by_driver)))
    for name, only in (("compiler plugin", by_plugin - by_driver),
                       ("async-lint", by_driver - by_plugin)):
        for item in sorted(only):
            print("only the %s: %s:%d:%d [%s]" % ((name,) + item))
    sys.exit(1 if by_plugin != by_driver else 0)


if __name__ == "__main__":
    main()
