#!/usr/bin/env python3
"""Compares a holdout lint (the driver's JSON report) with the verdicts of
an earlier run (a *-verdicts.tsv): per check, how many findings remain
right or wrong, which went, and which are new and still need a verdict.

    compare.py tmc-verdicts.tsv /work/holdout/tmc5.json [--update]

The keys are check and file:line:column, as in the verdict files; a
finding whose key has no row is listed as new. With --update, each row's
status column says whether the run still makes the finding ('remains') or
not ('gone'); the verdicts and reasons are left as they are."""

import argparse
import collections
import csv
import json
import os
import sys


def read_verdicts(path):
    rows = {}
    with open(path, newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 4:
                continue
            rows[(row[0], row[1])] = row[3]
    return rows


def read_findings(path):
    with open(path) as f:
        report = json.load(f)
    keys = set()
    for item in report.get("findings", []):
        loc = "%s:%d:%d" % (item["file"], item["line"], item["column"])
        keys.add((item["check"], loc))
    return keys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("verdicts")
    parser.add_argument("report")
    parser.add_argument("--update", action="store_true",
                        help="rewrite the status column of the verdict file")
    args = parser.parse_args()
    try:
        verdicts = read_verdicts(args.verdicts)
        found = read_findings(args.report)
    except (OSError, ValueError, KeyError) as err:
        sys.exit("compare.py: %s" % err)
    counts = collections.defaultdict(collections.Counter)
    new = []
    for key in sorted(found):
        verdict = verdicts.get(key)
        if verdict is None:
            new.append(key)
            counts[key[0]]["new"] += 1
        else:
            right = verdict in ("real", "real-test", "right")
            counts[key[0]]["right" if right else "wrong"] += 1
    gone = collections.Counter()
    for key, verdict in verdicts.items():
        if key not in found:
            gone[(key[0], verdict)] += 1
    print("%-32s %6s %6s %6s" % ("check", "right", "wrong", "new"))
    total = collections.Counter()
    for check in sorted(counts):
        c = counts[check]
        total.update(c)
        print("%-32s %6d %6d %6d" % (check, c["right"], c["wrong"], c["new"]))
    print("%-32s %6d %6d %6d" % ("all", total["right"], total["wrong"],
                                 total["new"]))
    for (check, verdict), n in sorted(gone.items()):
        print("gone: %s %s: %d" % (check, verdict, n))
    for check, loc in new:
        print("new: %s %s" % (check, loc))
    if args.update:
        update_status(args.verdicts, found)
    return 0


def update_status(path, found):
    with open(path, newline="") as f:
        lines = f.read().splitlines()
    out = []
    for line in lines:
        row = line.split("\t")
        if line and not line.startswith("#") and len(row) >= 4:
            row[2] = "remains" if (row[0], row[1]) in found else "gone"
            line = "\t".join(row)
        out.append(line)
    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
