#!/usr/bin/env python3
"""The analysis session's counts on the real-code trees (issue 22).

    bench/cfgstats.py OUT [--async-lint build/bin/async-lint] [-j 2]
                          [--project NAME ...] [--save DIR]

Runs `async-lint --stats --no-cache` over every file of each project's
compile database (as bench/realcode.py lints it) and prints a table of the
functions analysed, the CFGs built and the CFGs built again (a function
graphed a second time in its unit), summed over the units. With --save, the
findings are kept as DIR/<project>.json, as realcode.py --save keeps them.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECTS = ("libcoro", "concurrencpp", "async_simple", "cppcoro", "asio")
LINE = re.compile(r"async-lint stats: (.*): (\d+) functions analysed, "
                  r"(\d+) CFGs built, .* (\d+) built again$")


def measure(out, project, async_lint, jobs, save):
    db = os.path.join(out, project, "compile_commands.json")
    files = [e["file"] for e in json.load(open(db))]
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "findings.json")
        cmd = [async_lint, "-p", os.path.join(out, project), *files,
               "--header-filter=(^|/)%s/" % project, "--stats", "-j",
               str(jobs), "--no-cache", "--format", "json", "--output",
               report]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=out)
        if proc.returncode not in (0, 1):
            sys.exit("cfgstats.py: async-lint failed on %s:\n%s" %
                     (project, proc.stderr))
        if save:
            os.makedirs(save, exist_ok=True)
            with open(os.path.join(save, project + ".json"), "w") as f:
                json.dump(json.load(open(report))["findings"], f, indent=1)
    units = functions = built = again = 0
    for line in proc.stderr.splitlines():
        m = LINE.match(line)
        if m:
            units += 1
            functions += int(m.group(2))
            built += int(m.group(3))
            again += int(m.group(4))
    return units, functions, built, again


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", help="the folder prepare.sh laid out")
    parser.add_argument("--async-lint", default=os.path.join(
        HERE, "..", "build", "bin", "async-lint"))
    parser.add_argument("-j", type=int, default=2)
    parser.add_argument("--project", action="append", choices=PROJECTS)
    parser.add_argument("--save")
    args = parser.parse_args()
    total = [0, 0, 0, 0]
    print("| project | units | functions analysed | CFGs built | built again |")
    print("|---|---|---|---|---|")
    for project in args.project or PROJECTS:
        row = measure(args.out, project, os.path.abspath(args.async_lint),
                      args.j, args.save)
        total = [a + b for a, b in zip(total, row)]
        print("| %s | %s |" % (project, " | ".join("{:,}".format(n)
                                                   for n in row)),
              flush=True)
    print("| all | %s |" % " | ".join("{:,}".format(n) for n in total))


if __name__ == "__main__":
    main()
