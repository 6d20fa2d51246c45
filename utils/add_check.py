#!/usr/bin/env python3
"""Creates a new async-lint check in one go: the class, its registration in
the module, its CMake entry, its documentation and its lit test.

    utils/add_check.py async-<name> "<one-sentence summary ending in a period>"

The summary goes into the class comment and the first line of the doc, which
check_consistency.py keeps equal. The generated check matches coroutine
definitions and reports nothing yet: fill in check() and the test.
"""

import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_new(path, text):
    if os.path.exists(path):
        sys.exit("%s exists already" % os.path.relpath(path, ROOT))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("created " + os.path.relpath(path, ROOT))


def insert_sorted(path, pattern, new_line):
    """Inserts new_line among the lines matching pattern, in sorted order."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    matching = [i for i, l in enumerate(lines) if re.search(pattern, l)]
    if not matching:
        sys.exit("no line matches %r in %s" % (pattern, path))
    at = next((i for i in matching if lines[i].strip() > new_line.strip()),
              None)
    if at is None:
        # After the last match, and after the end of its statement when
        # clang-format broke it over several lines.
        at = matching[-1] + 1
        while new_line.rstrip().endswith(";") and at < len(lines) and \
                not lines[at - 1].rstrip().endswith(";"):
            at += 1
    lines.insert(at, new_line)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("updated " + os.path.relpath(path, ROOT))


def main():
    if len(sys.argv) != 3 or not re.fullmatch(r"async-[a-z0-9]+(-[a-z0-9]+)*",
                                              sys.argv[1]):
        sys.exit(__doc__)
    name, summary = sys.argv[1], sys.argv[2].strip()
    if not summary.endswith("."):
        sys.exit("the summary is one sentence ending in a period")
    cls = "".join(p.capitalize() for p in name[len("async-"):].split("-")) + "Check"
    guard = "ASYNC_LINT_CHECKS_%s_H" % cls.upper()

    write_new(os.path.join(ROOT, "lib", "Checks", cls + ".h"), f"""\
//===--- {cls}.h - async-lint {'-' * max(1, 45 - len(cls))}*- C++ -*-===//

#ifndef {guard}
#define {guard}

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {{

/// {summary}
class {cls} : public ClangTidyCheck {{
public:
  {cls}(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {{}}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {{
    return LangOpts.CPlusPlus20;
  }}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
}};

}} // namespace clang::tidy::async

#endif // {guard}
""")
    write_new(os.path.join(ROOT, "lib", "Checks", cls + ".cpp"), f"""\
//===--- {cls}.cpp - async-lint {'-' * max(1, 49 - len(cls))}===//

#include "{cls}.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Matchers.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {{

void {cls}::registerMatchers(MatchFinder *Finder) {{
  Finder->addMatcher(functionDecl(model::isCoroutineDefinition()).bind("coro"),
                     this);
}}

void {cls}::check(const MatchFinder::MatchResult &Result) {{
  const auto *Coro = Result.Nodes.getNodeAs<FunctionDecl>("coro");
  if (!Coro)
    return;
}}

}} // namespace clang::tidy::async
""")
    write_new(os.path.join(ROOT, "docs", "checks", name + ".md"), f"""\
# {name}

{summary}

## What it finds

## Example

## Options

## How this differs from upstream clang-tidy
""")
    write_new(os.path.join(ROOT, "test", "checkers", name + ".cpp"), f"""\
// RUN: %check_async_lint %s {name} %t

#include "task.h"
""")
    insert_sorted(os.path.join(ROOT, "lib", "AsyncTidyModule.cpp"),
                  r'^#include "Checks/', '#include "Checks/%s.h"' % cls)
    insert_sorted(os.path.join(ROOT, "lib", "AsyncTidyModule.cpp"),
                  r"Factories\.registerCheck<",
                  '    Factories.registerCheck<%s>("%s");' % (cls, name))
    insert_sorted(os.path.join(ROOT, "lib", "CMakeLists.txt"),
                  r"^  Checks/\w+\.cpp$", "  Checks/%s.cpp" % cls)
    # Long names make lines clang-format would break: format what we wrote.
    formatter = shutil.which("clang-format")
    if formatter:
        subprocess.run([formatter, "-i"] + [
            os.path.join(ROOT, "lib", f) for f in
            ("AsyncTidyModule.cpp", "Checks/%s.h" % cls,
             "Checks/%s.cpp" % cls)], check=False)


if __name__ == "__main__":
    main()
