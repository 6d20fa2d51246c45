#!/usr/bin/env python3
"""Lists the longest functions and files of the C++ sources under the given
directories, to keep functions short enough to read at once.

    utils/longest_functions.py [--top N] DIR...

It relies on clang-format's layout: a function defined at namespace scope
starts at column 0 and ends at the next line that is exactly '}'; a member
defined in a class body starts at column 2 and ends at the next '  }'. Lines
are counted from the signature to the closing brace.
"""

import argparse
import pathlib
import re
import signal

SKIP = ("return", "if", "for", "while", "switch", "else", "case", "do",
        "public", "private", "protected", "namespace", "using", "class",
        "struct", "enum", "template", "static_assert", "AST_MATCHER", "#")


def functions(path):
    """(lines, name, line number) of each function defined in path."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        indent = re.match(r"^( {0,2})[A-Za-z_~]", line)
        if (indent and "(" in line and not line.strip().startswith(SKIP)
                and not line.rstrip().endswith(";") and "cl::" not in line):
            # The body's brace ends a line; a brace inside a line belongs to
            # an initializer or a lambda argument, and a ';' first means a
            # declaration or a statement (a call spread over lines).
            j = i
            while j < len(lines) and not lines[j].rstrip().endswith(
                    ("{", ";")) and not re.search(r"\{.*\}$", lines[j]):
                j += 1
            if j < len(lines) and not lines[j].rstrip().endswith(";"):
                if lines[j].rstrip().endswith("}"):
                    i = j + 1
                    continue
                end = indent.group(1) + "}"
                k = j + 1
                while k < len(lines) and lines[k] != end:
                    k += 1
                name = re.search(r"([A-Za-z_~][\w:~]*)\s*\(", line)
                yield k - i + 1, name.group(1) if name else line.strip(), i + 1
                i = k + 1
                continue
        i += 1


def main():
    # Piped into head: stop quietly when the reader has enough.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    sources = [p for d in args.dirs for p in sorted(pathlib.Path(d).rglob("*"))
               if p.suffix in (".cpp", ".h")]
    funcs = sorted(((n, name, "%s:%d" % (p, line)) for p in sources
                    for n, name, line in functions(p)), reverse=True)
    print("longest functions (lines):")
    for n, name, where in funcs[:args.top]:
        print("%5d  %s  %s" % (n, name, where))
    sizes = sorted(((len(p.read_text(encoding="utf-8").splitlines()), str(p))
                    for p in sources), reverse=True)
    print("longest files (lines):")
    for n, path in sizes[:args.top]:
        print("%5d  %s" % (n, path))


if __name__ == "__main__":
    main()
