#!/usr/bin/env python3
"""Fails when the module registration, CMake, the check classes, their
documentation, their tests, the README and the file banners drift apart.

    check_consistency.py [<source root>]

For every check registered in lib/AsyncTidyModule.cpp:
  - lib/Checks/<Class>.h and .cpp exist, the class is named after the check,
    and its .cpp is in lib/CMakeLists.txt;
  - docs/checks/<check>.md opens with '# <check>', then the summary (its
    first paragraph), then the required sections;
  - the class comment (its first paragraph) is that summary;
  - test/checkers/ holds <check>.cpp (positive cases), <check>-options.cpp,
    <check>-dump-config.test and <check>-invalid.test, and the input the
    invalid-code test names exists;
  - README.md's "What it finds" table has one row for it, with that summary,
    linking to its doc; the rows are in check-name order.
Nothing is documented, tested or listed in the README that is not
registered. Every lib/**/*.{h,cpp} and tools/**/*.{h,cpp} opens with its
banner, one line of exactly 80 columns:

    //===--- Name.h - async-lint ---...---*- C++ -*-===//
    //===--- Name.cpp - async-lint ---...---===//

Prints each problem and exits 1 if there is any.
"""

import glob
import os
import re
import sys

BANNER_WIDTH = 80
DOC_SECTIONS = ("## What it finds", "## Example", "## Options",
                "## How this differs from upstream clang-tidy")
TEST_SUFFIXES = (".cpp", "-options.cpp", "-dump-config.test", "-invalid.test")
README_SECTION = "## What it finds"
README_ROW = re.compile(r"^\| \[(?P<name>[^\]]+)\]\((?P<link>[^)]*)\) \| "
                        r"(?P<summary>.*?) \|$")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def class_name(check):
    """async-foo-bar -> FooBarCheck."""
    return "".join(p.capitalize()
                   for p in check[len("async-"):].split("-")) + "Check"


def banner(file_name):
    """The banner line of a file, or None when the name is too long for one
    line of BANNER_WIDTH columns."""
    head = "//===--- %s - async-lint " % file_name
    tail = "*- C++ -*-===//" if file_name.endswith(".h") else "===//"
    dashes = BANNER_WIDTH - len(head) - len(tail)
    return head + "-" * dashes + tail if dashes >= 1 else None


def first_paragraph(lines):
    """The first paragraph of lines, joined with single spaces."""
    paragraph = []
    for line in lines:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            break
    return " ".join(paragraph)


def doc_summary(doc_lines):
    """The doc's summary: the first paragraph after the title."""
    summary = first_paragraph(doc_lines[1:])
    return "" if summary.startswith("#") else summary


def class_comment(header_text, cls):
    """The first paragraph of the /// comment above 'class <cls>'."""
    m = re.search(r"((?:[ \t]*///[^\n]*\n)+)class %s\b" % cls, header_text)
    if not m:
        return ""
    return first_paragraph(l.strip()[3:] for l in m.group(1).splitlines())


def registered_checks(root):
    module = read(os.path.join(root, "lib", "AsyncTidyModule.cpp"))
    return re.findall(r'registerCheck<(\w+)>\(\s*"(async-[a-z0-9-]+)"\)',
                      module)


def check_class(root, cls, name, cmake):
    problems = []
    if cls != class_name(name):
        problems.append("%s: class %s should be %s" %
                        (name, cls, class_name(name)))
    for ext in (".h", ".cpp"):
        if not os.path.exists(os.path.join(root, "lib", "Checks", cls + ext)):
            problems.append("%s: missing lib/Checks/%s%s" % (name, cls, ext))
    if not re.search(r"^\s*Checks/%s\.cpp\s*$" % cls, cmake, re.M):
        problems.append("%s: Checks/%s.cpp is not in lib/CMakeLists.txt" %
                        (name, cls))
    return problems


def check_doc(root, cls, name):
    """Problems of the check's doc, and its summary."""
    doc_path = os.path.join(root, "docs", "checks", name + ".md")
    if not os.path.exists(doc_path):
        return ["%s: missing docs/checks/%s.md" % (name, name)], None
    doc = read(doc_path).splitlines()
    problems = []
    if not doc or doc[0].strip() != "# " + name:
        problems.append("%s: the doc must open with '# %s'" % (name, name))
    summary = doc_summary(doc)
    if not summary:
        problems.append("%s: the doc has no summary after its title" % name)
    for section in DOC_SECTIONS:
        if section not in doc:
            problems.append("%s: the doc has no '%s' section" % (name, section))
    header = os.path.join(root, "lib", "Checks", cls + ".h")
    if os.path.exists(header):
        comment = class_comment(read(header), cls)
        if comment != summary:
            problems.append("%s: class comment '%s' differs from the doc's "
                            "summary '%s'" % (name, comment, summary))
    return problems, summary


def check_tests(root, name):
    checkers = os.path.join(root, "test", "checkers")
    problems = ["%s: missing test/checkers/%s%s" % (name, name, suffix)
                for suffix in TEST_SUFFIXES
                if not os.path.exists(os.path.join(checkers, name + suffix))]
    invalid = os.path.join(checkers, name + "-invalid.test")
    if os.path.exists(invalid):
        inputs = re.findall(r"%S/(Inputs/invalid/[\w.+-]+)", read(invalid))
        if not inputs:
            problems.append("%s: test/checkers/%s-invalid.test names no input "
                            "under Inputs/invalid/" % (name, name))
        for rel in inputs:
            if not os.path.exists(os.path.join(checkers, rel)):
                problems.append("%s: test/checkers/%s-invalid.test needs "
                                "test/checkers/%s, which is missing" %
                                (name, name, rel))
    return problems


def readme_rows(root):
    """The rows of README.md's "What it finds" table, and the lines of that
    table that are no row of a check."""
    rows, malformed, inside = [], [], False
    for line in read(os.path.join(root, "README.md")).splitlines():
        if line.startswith("## "):
            inside = line.strip() == README_SECTION
            continue
        if not inside or not line.startswith("|"):
            continue
        m = README_ROW.match(line)
        if m:
            rows.append(m.groupdict())
        elif not re.match(r"^\| check \| finds \|$|^\|-", line):
            malformed.append(line)
    return rows, malformed


def check_readme(root, summaries):
    """Problems of README.md's table, given each registered check's doc
    summary (None when it has no doc)."""
    rows, malformed = readme_rows(root)
    problems = ["README.md: '%s' is no row of the form '| [async-x]"
                "(docs/checks/async-x.md) | <summary> |'" % l
                for l in malformed]
    seen = set()
    for row in rows:
        name = row["name"]
        if name in seen:
            problems.append("README.md: %s has more than one row" % name)
        seen.add(name)
        if name not in summaries:
            problems.append("README.md: row for %s, which is not registered" %
                            name)
            continue
        if row["link"] != "docs/checks/%s.md" % name:
            problems.append("README.md: the row of %s links to '%s', not "
                            "docs/checks/%s.md" % (name, row["link"], name))
        summary = summaries[name]
        if summary is not None and row["summary"] != summary:
            problems.append("%s: README row's summary '%s' differs from the "
                            "doc's summary '%s'" %
                            (name, row["summary"], summary))
    for name in sorted(set(summaries) - seen):
        problems.append("%s: no row in README.md's 'What it finds' table" %
                        name)
    names = [row["name"] for row in rows]
    if names != sorted(names):
        problems.append("README.md: the rows of 'What it finds' are not in "
                        "check-name order")
    return problems


def check_banner(path, rel):
    """Problems of the banner of the file at path (rel: its name to show)."""
    expected = banner(os.path.basename(path))
    if expected is None:
        return ["%s: the name is too long for a banner of %d columns" %
                (rel, BANNER_WIDTH)]
    with open(path, encoding="utf-8") as f:
        first, second = f.readline().rstrip("\r\n"), f.readline().strip()
    if first == expected:
        return []
    if not first.startswith("//===---"):
        how = "there is none"
    elif second.endswith("===//") and not second.startswith("//==="):
        how = "it is wrapped over two lines"
    else:
        how = "it is %d columns" % len(first)
    return ["%s: the banner must be the one line '%s' (%s)" %
            (rel, expected, how)]


def check_banners(root):
    problems = []
    for top in ("lib", "tools"):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for file_name in sorted(files):
                if not file_name.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(folder, file_name)
                problems += check_banner(path, os.path.relpath(path, root))
    return problems


def check_unregistered(root, names):
    problems = []
    for doc in sorted(glob.glob(os.path.join(root, "docs", "checks", "*.md"))):
        name = os.path.splitext(os.path.basename(doc))[0]
        if name not in names:
            problems.append("docs/checks/%s.md documents an unregistered check"
                            % name)
    for test in sorted(glob.glob(os.path.join(root, "test", "checkers",
                                              "async-*"))):
        base = os.path.basename(test)
        if not any(os.path.splitext(base)[0] == n or base.startswith(n + "-")
                   for n in names):
            problems.append("test/checkers/%s tests an unregistered check" %
                            base)
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    cmake = read(os.path.join(root, "lib", "CMakeLists.txt"))
    registered = registered_checks(root)
    problems = []
    if not registered:
        problems.append("no check is registered in lib/AsyncTidyModule.cpp")
    summaries = {}
    for cls, name in registered:
        problems += check_class(root, cls, name, cmake)
        doc_problems, summaries[name] = check_doc(root, cls, name)
        problems += doc_problems
        problems += check_tests(root, name)
    problems += check_readme(root, summaries)
    problems += check_unregistered(root, set(summaries))
    problems += check_banners(root)
    for p in problems:
        print("consistency: " + p)
    print("consistency: %d checks, %d problems" % (len(summaries),
                                                   len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
