#!/usr/bin/env python3
"""Lints the real-code trees (libcoro, concurrencpp and, where prepare.sh laid
them out, async_simple, cppcoro and asio) through their compile databases and
compares the findings with the verdicts recorded in
bench/realcode/verdicts.tsv.

    ../shared/realcode/prepare.sh OUT GITDIR_LIBCORO GITDIR_CONCURRENCPP \
        [GITDIR_ASYNC_SIMPLE GITDIR_CPPCORO GITDIR_ASIO]
    bench/realcode.py OUT [--async-lint build/bin/async-lint] [--update]
                          [--project NAME ...] [--save DIR]

Every finding is keyed by check and file:line:column (a finding in a header
that several units include counts once). The report gives, by check, how many
findings there are and their verdicts (real, real-test, wrong), lists findings
that have no verdict yet (read them, and record a verdict and a reason), and
those recorded as remaining that no longer appear. Each project is also
measured apart (findings, wrong ones, share wrong). --save DIR keeps each
project's JSON report (with notes) for reading the findings. Exit status: 0 when every
finding has a verdict, 1 when some do not, 2 on bad input. --update rewrites
the status column (remains/gone) of the recorded list; verdicts and reasons
are kept, and new findings are added as 'untriaged'.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = os.path.join(HERE, "realcode", "verdicts.tsv")
PROJECTS = ("libcoro", "concurrencpp", "async_simple", "cppcoro", "asio")


def lint(out, project, async_lint, save=None):
    db = os.path.join(out, project, "compile_commands.json")
    if not os.path.isfile(db):
        sys.exit("realcode.py: no %s (run prepare.sh first)" % db)
    files = [e["file"] for e in json.load(open(db))]
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "findings.json")
        cmd = [async_lint, "-p", os.path.join(out, project), *files,
               # The databases include headers through relative paths
               # (-Ilibcoro/include), which the filter sees as written.
               "--header-filter=(^|/)%s/" % project,
               "--no-cache", "--format", "json", "--output", report]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=out)
        if proc.returncode not in (0, 1):
            sys.exit("realcode.py: async-lint failed on %s:\n%s" %
                     (project, proc.stderr))
        findings = json.load(open(report))["findings"]
        if save:
            os.makedirs(save, exist_ok=True)
            with open(os.path.join(save, project + ".json"), "w") as f:
                json.dump(findings, f, indent=1)
    found = {}
    for f in findings:
        key = (f["check"], "%s:%d:%d" % (f["file"], f["line"], f["column"]))
        found.setdefault(key, f["message"])
    return found


def read_verdicts():
    rows = collections.OrderedDict()
    for line in open(VERDICTS):
        if line.startswith("#") or not line.strip():
            continue
        check, where, status, verdict, pattern, reason = \
            line.rstrip("\n").split("\t", 5)
        rows[(check, where)] = [status, verdict, pattern, reason]
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", help="the folder prepare.sh laid out")
    parser.add_argument("--async-lint", default=os.path.join(
        HERE, "..", "build", "bin", "async-lint"))
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--project", action="append", choices=PROJECTS,
                        help="lint only this project (repeatable); by "
                        "default every project laid out under OUT")
    parser.add_argument("--save", help="keep each project's JSON report here")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    projects = args.project or [
        p for p in PROJECTS
        if os.path.isfile(os.path.join(out, p, "compile_commands.json"))]
    if not projects:
        sys.exit("realcode.py: nothing laid out under %s (run prepare.sh)" %
                 out)

    found = {}
    for project in projects:
        found.update(lint(out, project, os.path.abspath(args.async_lint),
                          args.save))
    recorded = read_verdicts()

    counts = collections.Counter()
    untriaged = []
    for key in sorted(found):
        row = recorded.get(key)
        verdict = row[1] if row else "untriaged"
        counts[(key[0], verdict)] += 1
        if verdict == "untriaged":
            untriaged.append(key)
    linted = tuple(p + "/" for p in projects)
    gone = [k for k, r in recorded.items() if r[0] == "remains" and
            k[1].startswith(linted) and k not in found]

    by_check = collections.defaultdict(dict)
    for (check, verdict), n in counts.items():
        by_check[check][verdict] = n
    print("%-32s %6s %6s %9s %6s %9s" %
          ("check", "total", "real", "real-test", "wrong", "untriaged"))
    for check in sorted(by_check):
        v = by_check[check]
        print("%-32s %6d %6d %9d %6d %9d" % (
            check, sum(v.values()), v.get("real", 0), v.get("real-test", 0),
            v.get("wrong", 0), v.get("untriaged", 0)))
    total = sum(counts.values())
    right = sum(n for (c, v), n in counts.items() if v in ("real", "real-test"))
    print("%d findings, %d right (%.0f%%)" %
          (total, right, 100.0 * right / total if total else 100.0))
    print("%-14s %6s %6s %7s  %s" %
          ("project", "total", "wrong", "%wrong", "worst check (wrong)"))
    for project in projects:
        keys = [k for k in found if k[1].startswith(project + "/")]
        wrong = collections.Counter(
            k[0] for k in keys
            if (recorded.get(k) or ["", "untriaged"])[1] == "wrong")
        n = sum(wrong.values())
        worst = "%s (%d)" % wrong.most_common(1)[0] if wrong else "-"
        print("%-14s %6d %6d %6.1f%%  %s" % (
            project, len(keys), n, 100.0 * n / len(keys) if keys else 0.0,
            worst))
    for key in untriaged:
        print("untriaged: %s %s: %s" % (key[0], key[1], found[key]))
    for key in gone:
        print("gone: %s %s (%s)" % (key[0], key[1], recorded[key][1]))

    if args.update:
        for key, row in recorded.items():
            if key[1].startswith(linted):
                row[0] = "remains" if key in found else "gone"
        for key in untriaged:
            recorded.setdefault(key, ["remains", "untriaged", "-", ""])
        tmp = VERDICTS + ".tmp"
        with open(tmp, "w") as f:
            f.write("# check\tlocation\tstatus\tverdict\tpattern\treason\n")
            for key in sorted(recorded):
                f.write("\t".join([*key, *recorded[key]]) + "\n")
        os.replace(tmp, VERDICTS)
    return 1 if untriaged else 0


if __name__ == "__main__":
    sys.exit(main())
