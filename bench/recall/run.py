#!/usr/bin/env python3
"""Recall of async-lint measured from outside, on reductions of public bug
reports (bench/recall/README.md).

Each case directory under cases/ holds bug.cpp (the reduction of a reported
bug), fixed.cpp (the project's fix, or the fix the thread gives) and
case.json (source, kind, expected check, compiler flags). In bug.cpp the
comment `// @bug` marks the bug's line, and `// @recall-begin` /
`// @recall-end` enclose the functions where a warning counts as finding it
(the bug's statement, its function, and for a call-site bug the callee).

    python3 bench/recall/run.py --async-lint build/bin/async-lint [--json out.json] [--batch stop22]

A case is *found* when some async-* warning lies on the bug line or inside a
marked region of bug.cpp (`exact` when on the bug line, `check` when it is
the expected check). Any warning in fixed.cpp is a *wrong finding*.
Prints a markdown table per kind and the list of cases.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = "{Checks: '-*,async-*'}"
# The kinds of issues #24 and #25, in their order, then the others.
KIND_ORDER = [
    ("reference-parameter", "#24"), ("reference-into-awaited-state", "#24"),
    ("this-after-suspension", "#24"), ("closure-handed-to-keeper", "#24"),
    ("reference-into-shared-container", "#24"), ("fan-out", "#24"),
    ("dropped-failure", "#24"), ("race-winner", "#24"), ("executor-stalling-loop", "#24"),
    ("work-never-run", "#25"), ("self-wait", "#25"), ("mutual-wait", "#25"),
    ("lock-order", "#25"), ("sync-wait-on-own-executor", "#25"),
    ("lock-across-suspension", "other"), ("discarded-task", "other"),
    ("blocking-call", "other"),
]


def read_markers(path):
    bug_line = None
    regions = []
    start = None
    with open(path, encoding="utf-8") as f:
        for no, text in enumerate(f, 1):
            if "// @bug" in text and bug_line is None:
                bug_line = no
            if "// @recall-begin" in text:
                start = no
            elif "// @recall-end" in text and start is not None:
                regions.append((start, no))
                start = None
    if bug_line is None:
        sys.exit(f"{path}: no '// @bug' marker")
    return bug_line, regions


def load_cases(root):
    cases = []
    for name in sorted(os.listdir(root)):
        d = os.path.join(root, name)
        meta = os.path.join(d, "case.json")
        if not os.path.isfile(meta):
            continue
        with open(meta, encoding="utf-8") as f:
            case = json.load(f)
        case["dir"] = d
        case["bug"] = os.path.join(d, "bug.cpp")
        case["fixed"] = os.path.join(d, "fixed.cpp")
        case["bug_line"], case["regions"] = read_markers(case["bug"])
        cases.append(case)
    return cases


def lint(binary, files, flags, jobs):
    """Runs the driver on files with flags; returns {abs path: [findings]}."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "report.json")
        cmd = [binary, f"-j{jobs}", "--no-cache", "--format=json", f"--output={out}",
               f"--config={CONFIG}", "--source-root=/"] + files + \
              ["--", "-I" + os.path.join(HERE, "include")] + flags
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.stderr.write(proc.stderr)
            sys.exit(f"async-lint failed ({proc.returncode}): {' '.join(cmd)}")
        with open(out, encoding="utf-8") as f:
            report = json.load(f)
    by_file = collections.defaultdict(list)
    for finding in report.get("findings", []):
        path = finding["file"]
        if not os.path.isabs(path):
            path = "/" + path
        by_file[os.path.realpath(path)].append(finding)
    return by_file


def judge(case, by_file):
    bug = by_file.get(os.path.realpath(case["bug"]), [])
    fixed = by_file.get(os.path.realpath(case["fixed"]), [])
    hits = [f for f in bug
            if f["line"] == case["bug_line"]
            or any(a <= f["line"] <= b for a, b in case["regions"])]
    return {
        "id": case["id"],
        "kind": case["kind"],
        "expected_check": case["expected_check"],
        "url": case["url"],
        "found": bool(hits),
        "exact": any(f["line"] == case["bug_line"] for f in hits),
        "expected_check_fired": any(f["check"] == case["expected_check"] for f in hits),
        "bug_findings": [f"{f['line']}: [{f['check']}] {f['message']}" for f in bug],
        "outside_region": [f"{f['line']}: [{f['check']}]" for f in bug if f not in hits],
        "wrong_in_fixed": [f"{f['line']}: [{f['check']}] {f['message']}" for f in fixed],
    }


def table(results):
    kinds = collections.OrderedDict((k, []) for k, _ in KIND_ORDER)
    for r in results:
        kinds.setdefault(r["kind"], []).append(r)
    issue = dict(KIND_ORDER)
    lines = ["| issue | kind | cases | found | recall | wrong findings in fixed twins |",
             "|---|---|---:|---:|---:|---:|"]
    total = collections.Counter()
    for kind, rs in kinds.items():
        n, found = len(rs), sum(r["found"] for r in rs)
        wrong = sum(len(r["wrong_in_fixed"]) for r in rs)
        total.update(n=n, found=found, wrong=wrong)
        recall = f"{found / n:.2f}" if n else "no report found"
        lines.append(f"| {issue.get(kind, 'other')} | {kind} | {n} | {found} | {recall} | {wrong} |")
    lines.append(f"| | **all** | {total['n']} | {total['found']} | "
                 f"{total['found'] / max(total['n'], 1):.2f} | {total['wrong']} |")
    lines.append("")
    lines.append("| case | kind | found | on the bug line | expected check | wrong in fixed |")
    lines.append("|---|---|---|---|---|---:|")
    for r in results:
        lines.append(f"| [{r['id']}]({r['url']}) | {r['kind']} | {'yes' if r['found'] else 'MISSED'} | "
                     f"{'yes' if r['exact'] else '-'} | {'yes' if r['expected_check_fired'] else '-'} | "
                     f"{len(r['wrong_in_fixed'])} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--async-lint", required=True, help="the async-lint driver binary")
    ap.add_argument("--cases", default=os.path.join(HERE, "cases"))
    ap.add_argument("--batch", help="only the cases of this batch (case.json's \"batch\"); "
                    "'original' selects the cases without one (the first 24); default: all")
    ap.add_argument("--json", help="write the per-case results as JSON to this file")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--verbose", action="store_true", help="print every finding per case")
    ap.add_argument("--compile-check", metavar="CXX", nargs="?", const="clang++-22",
                    help="first check that every bug.cpp and fixed.cpp compiles (-fsyntax-only)")
    args = ap.parse_args()

    cases = load_cases(args.cases)
    if args.batch == "original":
        cases = [c for c in cases if "batch" not in c]
    elif args.batch:
        cases = [c for c in cases if c.get("batch") == args.batch]
    if not cases:
        sys.exit("no case selected")
    if args.compile_check:
        bad = 0
        for c in cases:
            for f in (c["bug"], c["fixed"]):
                cmd = [args.compile_check, "-fsyntax-only", "-I" + os.path.join(HERE, "include")] + \
                      c.get("flags", ["-std=c++20"]) + [f]
                proc = subprocess.run(cmd, capture_output=True, text=True)
                if proc.returncode:
                    bad += 1
                    sys.stderr.write(f"does not compile: {f}\n{proc.stderr}")
        if bad:
            sys.exit(f"{bad} file(s) do not compile")
    groups = collections.defaultdict(list)
    for c in cases:
        groups[tuple(c.get("flags", ["-std=c++20"]))].append(c)
    by_file = {}
    for flags, group in groups.items():
        files = [f for c in group for f in (c["bug"], c["fixed"])]
        by_file.update(lint(args.async_lint, files, list(flags), args.j))
    results = [judge(c, by_file) for c in cases]

    print(table(results))
    if args.verbose:
        for r in results:
            print(f"\n{r['id']}:")
            for f in r["bug_findings"]:
                print(f"  bug   {f}")
            for f in r["wrong_in_fixed"]:
                print(f"  fixed {f}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"binary": args.async_lint, "batch": args.batch or "all", "results": results}, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
