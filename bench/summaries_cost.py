#!/usr/bin/env python3
"""CPU time of async-lint on the real-code trees with and without
--summaries (issue 26's cost: a cold run with summaries at most 1.05x the
run without).

Each tree is linted the way bench/realcode.py lints it (-p, every unit of
its compile database, --header-filter, --no-cache, JSON), once without and
once with --summaries into a fresh directory, alternating, so that the
machine's load weighs on both alike. CPU time is the children's (the
driver and its workers).

  bench/summaries_cost.py --async-lint build/bin/async-lint \\
      [--realcode /work/realcode] [--project libcoro ...] [--repeat N]

Prints one line per tree and run, then the ratio over all trees; the
findings of both runs are compared (a difference is printed: summaries may
add findings where calls cross units, never lose one).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

PROJECTS = ["libcoro", "concurrencpp", "async_simple", "cppcoro", "asio"]


def run(async_lint, realcode, project, summaries, jobs):
    db = os.path.join(realcode, project, "compile_commands.json")
    files = [e["file"] for e in json.load(open(db))]
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "findings.json")
        cmd = [async_lint, "-p", os.path.join(realcode, project), *files,
               f"--header-filter=(^|/){project}/", f"-j{jobs}", "--no-cache",
               "--format", "json", "--output", report]
        if summaries:
            cmd.append("--summaries=" + os.path.join(tmp, "sums"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(cmd, capture_output=True, text=True,
                              cwd=realcode)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            sys.exit(f"{project}: async-lint failed:\n{done.stderr}")
        cpu = (after.ru_utime - before.ru_utime) + \
            (after.ru_stime - before.ru_stime)
        findings = {(f.get("check"), f.get("file"), f.get("line"),
                     f.get("message"))
                    for f in json.load(open(report))["findings"]}
        rechecked = [line for line in done.stderr.splitlines()
                     if "re-checked" in line]
        return cpu, len(files), findings, rechecked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--async-lint", required=True)
    parser.add_argument("--realcode", default="/work/realcode")
    parser.add_argument("--project", action="append")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    opts = parser.parse_args()
    async_lint = os.path.abspath(opts.async_lint)
    if not os.access(async_lint, os.X_OK):
        sys.exit(f"error: {async_lint} is not an executable")
    total_plain = total_sum = 0.0
    for project in opts.project or PROJECTS:
        for _ in range(opts.repeat):
            plain = run(async_lint, opts.realcode, project, False, opts.jobs)
            with_sum = run(async_lint, opts.realcode, project, True, opts.jobs)
            total_plain += plain[0]
            total_sum += with_sum[0]
            print(f"{project}: {plain[1]} units, CPU {plain[0]:.1f} s without, "
                  f"{with_sum[0]:.1f} s with --summaries, ratio "
                  f"{with_sum[0] / plain[0]:.3f}; "
                  + (with_sum[3][0] if with_sum[3] else "no unit re-checked"),
                  flush=True)
            for key in sorted(map(str, plain[2] - with_sum[2])):
                print(f"  lost with --summaries: {key}")
            for key in sorted(map(str, with_sum[2] - plain[2])):
                print(f"  new with --summaries: {key}")
    if total_plain:
        print(f"all: CPU {total_plain:.1f} s without, {total_sum:.1f} s with, "
              f"ratio {total_sum / total_plain:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
