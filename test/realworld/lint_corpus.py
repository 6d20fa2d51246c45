#!/usr/bin/env python3
"""Lints a real-world corpus with async-lint and compares the findings with
a reviewed list.

    lint_corpus.py --async-lint BIN --root DIR --expected FILE --work DIR
                   [--canary NAMES --canary-files GLOBS] GLOB...

Every file matching the globs (relative to --root) is analysed with all
async-* checks, through one compile_commands.json written to --work. The
test fails when a file does not compile, when a finding is not in the
expected list, when an expected finding is missing, or when an expected
finding has no reason written beside it.

The expected list has one finding a line:
    <path relative to root>:<line>:<col> <check> -- <why it is a real pitfall>

--canary names functions that the corpus's coroutines call; they are added
to async-blocking-call's BlockingFunctions in a second run, which must then
report a call in every file matching --canary-files. It shows that the
corpus's coroutine bodies are really analysed, so that "no findings" is not
the result of analysing nothing.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys

FINDING = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<level>warning|error): (?P<msg>.*?) "
                     r"\[(?P<check>[a-z0-9-]+)(?:,[^\]]*)?\]$")

# Flags a file needs beyond -std=c++20, by path fragment.
EXTRA_FLAGS = {
    "advanced_server_flex_awaitable": ["-I{root}/beast", "-include", "list"],
}


def compile_commands(root, files, work):
    entries = []
    for f in files:
        args = ["clang++", "-std=c++20"]
        for fragment, extra in EXTRA_FLAGS.items():
            if fragment in f:
                args += [a.format(root=root) for a in extra]
        args += ["-c", f]
        entries.append({"directory": work, "file": f, "arguments": args})
    with open(os.path.join(work, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=1)


def lint(binary, work, files, extra):
    cmd = [binary, "-p", work, "--quiet"] + extra + files
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    return proc.returncode, proc.stdout, proc.stderr


def findings(output, root):
    found = set()
    for line in output.splitlines():
        m = FINDING.match(line)
        if m:
            path = os.path.relpath(m.group("file"), root)
            found.add(("%s:%s:%s" % (path, m.group("line"), m.group("col")),
                       m.group("check"), m.group("level")))
    return found


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--async-lint", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("--expected", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--canary", default="")
    p.add_argument("--canary-files", default="")
    p.add_argument("globs", nargs="+")
    args = p.parse_args()

    if not os.path.isdir(args.root):
        sys.exit("corpus not found at %s: install libboost1.81-doc" % args.root)
    files = sorted({os.path.join(args.root, f) for g in args.globs
                    for f in glob.glob(g, root_dir=args.root)})
    if not files:
        sys.exit("no corpus files match %s" % args.globs)
    os.makedirs(args.work, exist_ok=True)
    compile_commands(args.root, files, args.work)

    status, out, err = lint(args.async_lint, args.work, files, [])
    print(out, end="")
    ok = True
    found = findings(out, args.root)
    compiler_errors = [f for f in found if f[1].startswith("clang-diagnostic")]
    if status not in (0, 1) or compiler_errors:
        print("the corpus did not compile (exit %d):\n%s" % (status, err))
        ok = False

    expected = {}
    with open(args.expected) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            where, _, reason = line.partition(" -- ")
            loc, _, check = where.strip().partition(" ")
            if not reason.strip():
                print("%s:%d: expected finding without a reason" %
                      (args.expected, n))
                ok = False
            expected[(loc, check.strip())] = reason.strip()
    # Only the expectations about the files linted here apply.
    linted = {os.path.relpath(f, args.root) for f in files}
    expected = {k: v for k, v in expected.items()
                if k[0].rsplit(":", 2)[0] in linted}
    actual = {(loc, check) for loc, check, _ in found
              if not check.startswith("clang-diagnostic")}
    for loc, check in sorted(actual - expected.keys()):
        print("unexpected finding: %s %s" % (loc, check))
        ok = False
    for loc, check in sorted(expected.keys() - actual):
        print("expected finding not reported: %s %s" % (loc, check))
        ok = False
    print("%d files, %d findings, %d expected" %
          (len(files), len(actual), len(expected)))

    if args.canary:
        config = ("{CheckOptions: {async-blocking-call.BlockingFunctions: '%s'}}"
                  % args.canary)
        _, out, _ = lint(args.async_lint, args.work, files,
                         ["--checks=-*,async-blocking-call", "--config=" + config])
        hit = {os.path.relpath(m.group("file"), args.root)
               for m in map(FINDING.match, out.splitlines()) if m}
        want = {os.path.relpath(os.path.join(args.root, f), args.root)
                for g in args.canary_files.split(",")
                for f in glob.glob(g, root_dir=args.root)}
        for f in sorted(want - hit):
            print("canary: no coroutine call of %s seen in %s" % (args.canary, f))
            ok = False
        print("canary: coroutine calls seen in %d of %d files" %
              (len(want & hit), len(want)))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
