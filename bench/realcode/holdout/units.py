#!/usr/bin/env python3
"""Writes the compile database of a holdout code base laid out by a
prepare-<name>.sh: the units that clang++-22 parses and whose preprocessed
text has co_await, co_return or co_yield on a line of a project file (a file
under ROOT). Units that do not parse are listed and left out, as are units
without a coroutine.

    units.py NAME ROOT DBDIR LISTING [--extra GLOB=FLAG ...] -- FLAGS... -- FILES...

FLAGS are the compiler's arguments without the source file (the first is the
compiler); --extra adds FLAG to the units whose path matches the glob. The
database goes to DBDIR/compile_commands.json, one path a line to LISTING.
The prepare scripts written since stop 23 call this instead of repeating it."""

import fnmatch
import json
import os
import re
import subprocess
import sys

CORO = re.compile(r"\bco_(await|return|yield)\b")
MARKER = re.compile(r'^# \d+ "([^"]*)"')


def has_coroutine(args, f, root):
    pp = subprocess.run(args + ["-E", f], cwd=os.path.dirname(f),
                        capture_output=True, text=True).stdout
    cur = f
    for line in pp.splitlines():
        m = MARKER.match(line)
        if m:
            cur = m.group(1)
        elif cur.startswith(root + "/") and CORO.search(line):
            return True
    return False


def split_args(argv):
    if argv.count("--") != 2:
        sys.exit(__doc__)
    first = argv.index("--")
    second = argv.index("--", first + 1)
    head, flags, files = argv[:first], argv[first + 1:second], argv[second + 1:]
    extra = []
    while "--extra" in head:
        i = head.index("--extra")
        pattern, _, flag = head[i + 1].partition("=")
        extra.append((pattern, flag))
        del head[i:i + 2]
    if len(head) != 4 or not flags:
        sys.exit(__doc__)
    return head, extra, flags, files


def main():
    (name, root, dbdir, listing), extra, flags, files = split_args(sys.argv[1:])
    root = os.path.abspath(root)
    db, bad, plain = [], [], []
    for f in sorted(os.path.abspath(f) for f in files):
        args = flags + [flag for pattern, flag in extra if fnmatch.fnmatch(f, pattern)]
        d = os.path.dirname(f)
        r = subprocess.run(args + ["-fsyntax-only", f], cwd=d, capture_output=True, text=True)
        if r.returncode != 0:
            bad.append(f)
            print("does not parse, skipped:", os.path.relpath(f, root), file=sys.stderr)
            print("\n".join([l for l in r.stderr.splitlines() if "error" in l][:2]), file=sys.stderr)
        elif not has_coroutine(args, f, root):
            plain.append(f)
        else:
            db.append({"directory": d, "file": f, "arguments": args + ["-c", f]})
    os.makedirs(dbdir, exist_ok=True)
    with open(os.path.join(dbdir, "compile_commands.json"), "w") as out:
        json.dump(db, out, indent=1)
    with open(listing, "w") as out:
        out.write("".join(e["file"] + "\n" for e in db))
    print("%s: %d units considered, %d with a coroutine in %s, %d without one, %d not parsed"
          % (name, len(files), len(db), dbdir, len(plain), len(bad)))
    for f in bad:
        print("  not parsed:", os.path.relpath(f, root))
    for f in plain:
        print("  no coroutine:", os.path.relpath(f, root))


if __name__ == "__main__":
    main()
