#!/usr/bin/env python3
"""Measures the warnings' length against issue 22's limit.

Issue 22 asks that a warning say what is wrong in under 120 characters and
leave the why, the where and the fix to its notes. This reads every warning
the checker tests expect (the text of each CHECK line that names a warning
and its check), without the "warning: " prefix and the "[check]" suffix, and
prints, per check, how many distinct warnings there are, how many are over
--limit characters, the median and the longest; with --list, every warning
over the limit. A CHECK line that matches only the start of its message
counts as written, so the numbers are a lower bound. Exits 1 when some
warning is over the limit.
"""
import argparse
import collections
import pathlib
import re
import statistics
import sys

WARNING = re.compile(r"warning: (.*) \[(async-[a-z-]+)\]\s*$")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=pathlib.Path(__file__).parents[1],
                        type=pathlib.Path)
    parser.add_argument("--limit", type=int, default=120)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    by_check = collections.defaultdict(set)
    for path in sorted((args.root / "test" / "checkers").glob("*")):
        if path.suffix not in (".cpp", ".test"):
            continue
        for line in path.read_text(errors="replace").splitlines():
            m = WARNING.search(line)
            if m and "{{" not in m.group(1):
                by_check[m.group(2)].add(m.group(1))
    over_all = []
    print("%-34s %6s %6s %7s %8s" % ("check", "msgs", "over", "median",
                                     "longest"))
    for check in sorted(by_check):
        lengths = [len(m) for m in by_check[check]]
        over = sorted((m for m in by_check[check] if len(m) > args.limit),
                      key=len, reverse=True)
        over_all += [(check, m) for m in over]
        print("%-34s %6d %6d %7d %8d" % (check, len(lengths), len(over),
                                         statistics.median(lengths),
                                         max(lengths)))
    every = [len(m) for msgs in by_check.values() for m in msgs]
    print("%-34s %6d %6d %7d %8d" % ("all", len(every), len(over_all),
                                     statistics.median(every), max(every)))
    if args.list:
        for check, message in over_all:
            print("%s (%d): %s" % (check, len(message), message))
    return 1 if over_all else 0


if __name__ == "__main__":
    sys.exit(main())
