#!/usr/bin/env python3
"""Fails when the module registration, CMake, the check classes, their
documentation and their tests drift apart.

    check_consistency.py <source root>
"""

import glob
import os
import re
import sys


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    module = read(os.path.join(root, "lib", "AsyncTidyModule.cpp"))
    cmake = read(os.path.join(root, "lib", "CMakeLists.txt"))
    registered = re.findall(r'registerCheck<(\w+)>\(\s*"(async-[a-z0-9-]+)"\)',
                            module)
    problems = []
    if not registered:
        problems.append("no check is registered in lib/AsyncTidyModule.cpp")
    names = set()
    for cls, name in registered:
        names.add(name)
        expected_cls = "".join(p.capitalize()
                               for p in name[len("async-"):].split("-")) + "Check"
        if cls != expected_cls:
            problems.append("%s: class %s should be %s" % (name, cls, expected_cls))
        header = os.path.join(root, "lib", "Checks", cls + ".h")
        source = os.path.join(root, "lib", "Checks", cls + ".cpp")
        for path in (header, source):
            if not os.path.exists(path):
                problems.append("%s: missing %s" % (name, os.path.relpath(path, root)))
        if "Checks/%s.cpp" % cls not in cmake:
            problems.append("%s: Checks/%s.cpp is not in lib/CMakeLists.txt" % (name, cls))
        doc_path = os.path.join(root, "docs", "checks", name + ".md")
        if not os.path.exists(doc_path):
            problems.append("%s: missing docs/checks/%s.md" % (name, name))
            continue
        doc = read(doc_path).splitlines()
        if not doc or doc[0].strip() != "# " + name:
            problems.append("%s: the doc must open with '# %s'" % (name, name))
        summary = next((l.strip() for l in doc[1:] if l.strip()), "")
        for section in ("## Options", "## How this differs from upstream clang-tidy"):
            if section not in doc:
                problems.append("%s: the doc has no '%s' section" % (name, section))
        if os.path.exists(header):
            m = re.search(r"((?:///[^\n]*\n)+)class %s\b" % cls, read(header))
            # The summary is the comment's first paragraph.
            lines = [l.strip()[3:].strip() for l in m.group(1).splitlines()] if m else []
            if "" in lines:
                lines = lines[:lines.index("")]
            comment = " ".join(lines)
            if comment != summary:
                problems.append("%s: class comment '%s' differs from the doc's "
                                "summary '%s'" % (name, comment, summary))
        if not glob.glob(os.path.join(root, "test", "checkers", name + "*.cpp")):
            problems.append("%s: no test/checkers/%s*.cpp" % (name, name))
    for doc in glob.glob(os.path.join(root, "docs", "checks", "*.md")):
        name = os.path.splitext(os.path.basename(doc))[0]
        if name not in names:
            problems.append("docs/checks/%s.md documents an unregistered check" % name)
    for test in glob.glob(os.path.join(root, "test", "checkers", "async-*")):
        base = os.path.basename(test)
        if not any(base.startswith(n) for n in names):
            problems.append("test/checkers/%s tests an unregistered check" % base)
    for p in problems:
        print("consistency: " + p)
    print("consistency: %d checks, %d problems" % (len(names), len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
