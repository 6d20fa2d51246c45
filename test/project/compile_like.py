#!/usr/bin/env python3
"""Checks the syntax of a source file with the flags the compile database
records for another source of the same target, moved to a copy of the tree.

    compile_like.py <compile_commands.json> <reference source> <source root>
        <copy root> <file>

The reference's command is taken as is, but without its output and input,
with -fsyntax-only, and with every path under <source root> (not under the
build directory) moved under <copy root>, so that the copy's headers are the
ones read. Exits with the compiler's status.
"""

import json
import os
import shlex
import subprocess
import sys


def fail(message):
    sys.exit("compile_like.py: " + message)


def reference_entry(database, source):
    with open(database, encoding="utf-8") as f:
        entries = json.load(f)
    for entry in entries:
        path = os.path.join(entry["directory"], entry["file"])
        if os.path.realpath(path) == os.path.realpath(source):
            return entry
    fail("%s has no entry for %s" % (database, source))


def moved(arg, src_root, build_dir, copy_root):
    """arg, or its path part, moved from src_root to copy_root."""
    for flag in ("-I", "-isystem", "-iquote", ""):
        path = arg[len(flag):]
        if not arg.startswith(flag) or not os.path.isabs(path):
            continue
        inside = path == src_root or path.startswith(src_root + os.sep)
        built = path == build_dir or path.startswith(build_dir + os.sep)
        if inside and not built:
            return flag + copy_root + path[len(src_root):]
        return arg
    return arg


def syntax_command(entry, src_root, copy_root, file):
    args = entry.get("arguments") or shlex.split(entry["command"])
    build_dir = os.path.realpath(entry["directory"])
    source = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    result, skip = [args[0]], False
    for arg in args[1:]:
        if skip:
            skip = False
        elif arg == "-o":
            skip = True
        elif arg == "-c" or os.path.realpath(arg) == source:
            continue
        else:
            result.append(moved(arg, src_root, build_dir, copy_root))
    return result + ["-fsyntax-only", file]


def main():
    if len(sys.argv) != 6:
        fail("usage: compile_like.py <compile_commands.json> <reference "
             "source> <source root> <copy root> <file>")
    database, reference, src_root, copy_root, file = sys.argv[1:]
    entry = reference_entry(database, reference)
    cmd = syntax_command(entry, os.path.realpath(src_root),
                         os.path.realpath(copy_root), os.path.abspath(file))
    print(" ".join(shlex.quote(a) for a in cmd))
    sys.stdout.flush()
    sys.exit(subprocess.call(cmd, cwd=entry["directory"]))


if __name__ == "__main__":
    main()
