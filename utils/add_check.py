#!/usr/bin/env python3
"""Creates a whole new async-lint check in one go.

    utils/add_check.py async-<name> "<one-sentence summary ending in a period>"

It writes
  lib/Checks/<Name>Check.h, .cpp    the class, derived from AsyncCheck: it
                                    judges coroutines, has one option of its
                                    own (IgnoredFunctions: functions it does
                                    not judge) and walks each body with
                                    F.forEachStmt; its rule, isFinding(),
                                    finds nothing yet
  docs/checks/async-<name>.md       summary, what it finds, example, options,
                                    upstream, limits
  test/checkers/async-<name>.cpp                 positive cases
  test/checkers/async-<name>-options.cpp         the option, on and off
  test/checkers/async-<name>-dump-config.test    option round trips
  test/checkers/async-<name>-invalid.test        half-typed code, with its
  test/checkers/Inputs/invalid/<name>-invalid.cpp  input
and adds the check, in name order, to lib/AsyncTidyModule.cpp,
lib/CMakeLists.txt and README.md's "What it finds" table. The C++ it writes
goes through clang-format-22 (or clang-format). The summary goes into the
class comment, the doc and the README row, which check_consistency.py keeps
equal.

Until the rule is written the check reports nothing, and its tests say so:
the positive test, the options test (default run) and the invalid-code test
each expect one placeholder warning, marked PLACEHOLDER, that the empty rule
does not produce, so they FAIL until the rule and its real cases replace the
placeholders. (A generated test that passes on an empty rule would prove
nothing.) The dump-config test passes as soon as the check is built.

Nothing is written when the name is not async-<kebab-case> or too long for
an 80-column banner, when the check or any file it would create exists, or
when the summary is not one line ending in a period.
"""

import os
import re
import shutil
import string
import subprocess
import sys
import textwrap

sys.dont_write_bytecode = True  # No __pycache__ in utils/.
from check_consistency import banner, class_name  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPTION = "IgnoredFunctions"
PLACEHOLDER = "PLACEHOLDER: no rule yet"

HEADER = """\
$banner

#ifndef $guard
#define $guard

#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

$comment
class $cls : public AsyncCheck {
public:
  $cls(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// True when \\p S, a statement of \\p F, is the pitfall this check finds.
  bool isFinding(const Stmt &S, CheckedFunction &F) const;

  /// Functions the check does not judge.
  const model::NameMatcher $option;
};

} // namespace clang::tidy::async

#endif // $guard
"""

SOURCE = """\
$banner

#include "$cls.h"
#include "../Model/CoroutineModel.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral ${option}Opt = "$option";

} // namespace

$cls::$cls(StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines),
      $option(Options.get(${option}Opt, "")) {}

void $cls::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, ${option}Opt, $option.str());
}

bool $cls::isFinding(const Stmt &S, CheckedFunction &F) const {
  // The rule. Until it is written nothing is a finding, and the check's tests
  // fail on their PLACEHOLDER expectations.
  return false;
}

void $cls::checkFunction(CheckedFunction &F) {
  if ($option.matches(model::canonicalName(F.Decl)))
    return;
  F.forEachStmt([&](const Stmt &S) {
    if (!isFinding(S, F) || !reportOnce(S.getBeginLoc()))
      return;
    diag(S.getBeginLoc(), "$words in %0")
        << model::describeFunction(F.Decl) << S.getSourceRange();
  });
}

} // namespace clang::tidy::async
"""

DOC = """\
# $name

$summary

## What it finds

The rule is not written yet: the check judges every coroutine and reports
nothing. Say here what it reports and where (the warning at the offending
entity, the notes that show the path), why that code is a pitfall (what goes
wrong at run time, and when), and which tricky-correct code stays silent.

## Example

One reported coroutine, the warning as a comment on its line, and the fix.

## Options

| option | default | meaning |
|---|---|---|
| `$option` | (none) | functions, by qualified name, that the check does not judge |

The check also reads the shared library options (`TaskTypes`,
`SpawnFunctions`, ...; see [configuration](../configuration.md)).

## How this differs from upstream clang-tidy

The closest clang-tidy check, Clang warning or other analyser, and what this
check finds that it does not.

## Limits

What the check does not follow, and where it may report correct code.
"""

POSITIVE_TEST = """\
// RUN: %check_async_lint %s $name %t

// Positive cases of the check, each with its expected warning and notes.
//
// PLACEHOLDER: the rule is not written yet and reports nothing, so the
// expectation below fails on purpose. Replace it with the real cases.

#include "task.h"

demo::task<> reported() {
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: $placeholder [$name]
}
"""

OPTIONS_TEST = """\
// Defaults: every coroutine is judged.
// RUN: %check_async_lint --check-suffix=DEFAULT %s $name %t.default
// A coroutine listed in $option is not.
// RUN: %check_async_lint --check-suffix=IGNORED %s $name %t.ignored \\
// RUN:   --config="{CheckOptions: {$name.$option: 'legacy::reported'}}"
//
// PLACEHOLDER: the rule is not written yet and reports nothing, so the
// default run fails on purpose. Replace the placeholder with a real case.

#include "task.h"

namespace legacy {
demo::task<> reported() {
  co_return;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: $placeholder [$name]
}
} // namespace legacy
"""

DUMP_CONFIG_TEST = """\
# Every option of the check, its own and the shared library lists, survives
# a -dump-config round trip through the plugin and the driver.

RUN: %clang_tidy -load=%plugin -checks='-*,$name' -dump-config \\
RUN:   | FileCheck %s --check-prefix=DEFAULTS
DEFAULTS-DAG: $name.$option: ''
DEFAULTS-DAG: $name.SpawnFunctions: 'asio::co_spawn;
DEFAULTS-DAG: $name.TaskTypes: 'asio::awaitable;

# A global library option reaches the check; its own option wins over it.
RUN: %clang_tidy -load=%plugin -checks='-*,$name' -dump-config \\
RUN:   -config="{CheckOptions: {SpawnFunctions: 'corp::global', $name.SpawnFunctions: 'corp::launch', TaskTypes: 'corp::Task', $name.$option: 'legacy::run'}}" \\
RUN:   > %t.plugin.yaml
RUN: FileCheck %s --check-prefix=CUSTOM < %t.plugin.yaml
CUSTOM-DAG: $name.SpawnFunctions: 'corp::launch'
CUSTOM-DAG: $name.TaskTypes: 'corp::Task'
CUSTOM-DAG: $name.$option: 'legacy::run'

RUN: %clang_tidy -load=%plugin -dump-config --config-file=%t.plugin.yaml > %t.plugin2.yaml
RUN: grep '$name\\.' %t.plugin.yaml > %t.plugin.opts
RUN: grep '$name\\.' %t.plugin2.yaml > %t.plugin2.opts
RUN: diff %t.plugin.opts %t.plugin2.opts
RUN: %async_lint --dump-config --config-file=%t.plugin.yaml > %t.driver.yaml
RUN: grep '$name\\.' %t.driver.yaml > %t.driver.opts
RUN: diff %t.plugin.opts %t.driver.opts
"""

INVALID_TEST = """\
# Half-typed code must not crash the check, nor hide its findings elsewhere.
RUN: not %clang_tidy -load=%plugin -checks='-*,$name' %S/Inputs/invalid/$input \\
RUN:   -- -std=c++20 -nostdinc -isystem %inputs 2>&1 | FileCheck %s
CHECK-DAG: error: use of undeclared identifier 'missing'
CHECK-DAG: error: use of undeclared identifier 'undeclared'
# PLACEHOLDER: the rule is not written yet and reports nothing, so this
# expectation fails on purpose. Expect the real finding in 'fine' instead.
CHECK-DAG: 10:3: warning: $placeholder [$name]
"""

INVALID_INPUT = """\
#include "task.h"
demo::task<int> value();
demo::task<> broken() {
  co_await missing();
  int Lost = undeclared;
  co_return;
}
demo::task<> fine() {
  co_await value();
  co_return;
}
template <class T> demo::task<> dependent(T t) {
  co_await t.run(
}
"""


def refuse(message):
    sys.exit("add_check.py: " + message)


def rel(path):
    return os.path.relpath(path, ROOT)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def parse_args(argv):
    """The check's name and summary, or a refusal."""
    if len(argv) != 3:
        refuse("usage: add_check.py async-<name> \"<summary>.\"\n\n" +
               __doc__.split("\n\n")[0])
    name, summary = argv[1], argv[2].strip()
    if not re.fullmatch(r"async-[a-z][a-z0-9]*(-[a-z0-9]+)*", name):
        refuse("'%s' is no check name: async- and lower-case words joined by "
               "'-', e.g. async-unbounded-spawn" % name)
    cls = class_name(name)
    if banner(cls + ".h") is None or banner(cls + ".cpp") is None:
        refuse("'%s' is too long: the banner of %s.h would not fit in 80 "
               "columns" % (name, cls))
    if not summary.endswith(".") or "\n" in summary or len(summary) < 2:
        refuse("the summary is one sentence on one line, ending in a period, "
               "e.g. \"Finds tasks that are never awaited.\"")
    if "|" in summary:
        refuse("the summary goes into a Markdown table: no '|' in it")
    return name, summary


def new_files(name, summary):
    """Every file the check adds, by path: its text."""
    cls = class_name(name)
    short = name[len("async-"):]
    fields = {
        "name": name, "summary": summary, "cls": cls, "option": OPTION,
        "placeholder": PLACEHOLDER, "words": short.replace("-", " "),
        "guard": "ASYNC_LINT_CHECKS_%s_H" % cls.upper(),
        "comment": "\n".join(textwrap.wrap(
            summary, width=80, initial_indent="/// ", subsequent_indent="/// ",
            break_long_words=False, break_on_hyphens=False)),
        "input": short + "-invalid.cpp",
    }

    def fill(template, file_name=None):
        if file_name:
            fields["banner"] = banner(file_name)
        return string.Template(template).substitute(fields)

    checks = os.path.join(ROOT, "lib", "Checks")
    checkers = os.path.join(ROOT, "test", "checkers")
    return {
        os.path.join(checks, cls + ".h"): fill(HEADER, cls + ".h"),
        os.path.join(checks, cls + ".cpp"): fill(SOURCE, cls + ".cpp"),
        os.path.join(ROOT, "docs", "checks", name + ".md"): fill(DOC),
        os.path.join(checkers, name + ".cpp"): fill(POSITIVE_TEST),
        os.path.join(checkers, name + "-options.cpp"): fill(OPTIONS_TEST),
        os.path.join(checkers, name + "-dump-config.test"):
            fill(DUMP_CONFIG_TEST),
        os.path.join(checkers, name + "-invalid.test"): fill(INVALID_TEST),
        os.path.join(checkers, "Inputs", "invalid", fields["input"]):
            INVALID_INPUT,
    }


def insert_sorted(text, pattern, key, new, where):
    """Inserts new before the first match of pattern (a multi-line regex)
    whose key is greater than key, or after the last match. Returns the text
    and the 1-based first line of the insertion."""
    matches = list(re.finditer(pattern, text, re.M))
    if not matches:
        refuse("nothing in %s looks like %r" % (where, pattern))
    after = [m for m in matches if m.group(1) > key]
    at = after[0].start() if after else matches[-1].end()
    return text[:at] + new + text[at:], text.count("\n", 0, at) + 1


def registration(cls, name):
    line = '    Factories.registerCheck<%s>("%s");\n' % (cls, name)
    if len(line) <= 81:
        return line
    return '    Factories.registerCheck<%s>(\n        "%s");\n' % (cls, name)


def edited_files(name, summary):
    """Every existing file the check is added to, by path: its new text, and
    the lines inserted into it that clang-format should see."""
    cls = class_name(name)
    module_path = os.path.join(ROOT, "lib", "AsyncTidyModule.cpp")
    module = read(module_path)
    module, include_line = insert_sorted(
        module, r'^#include "(Checks/\w+\.h)"\n', "Checks/%s.h" % cls,
        '#include "Checks/%s.h"\n' % cls, rel(module_path))
    statement = registration(cls, name)
    module, first = insert_sorted(
        module, r'^[ \t]*Factories\.registerCheck<\w+>\(\s*"([^"]+)"\);\n',
        name, statement, rel(module_path))
    lines = [(include_line, include_line),
             (first, first + statement.count("\n") - 1)]

    cmake_path = os.path.join(ROOT, "lib", "CMakeLists.txt")
    cmake, _ = insert_sorted(read(cmake_path), r"^  (Checks/\w+\.cpp)\n",
                             "Checks/%s.cpp" % cls,
                             "  Checks/%s.cpp\n" % cls, rel(cmake_path))

    readme_path = os.path.join(ROOT, "README.md")
    readme, _ = insert_sorted(
        read(readme_path), r"^\| \[(async-[a-z0-9-]+)\]\(docs/checks/.*\n",
        name, "| [%s](docs/checks/%s.md) | %s |\n" % (name, name, summary),
        rel(readme_path))
    return {module_path: (module, lines), cmake_path: (cmake, None),
            readme_path: (readme, None)}


def refuse_existing(name, files):
    cls = class_name(name)
    module = read(os.path.join(ROOT, "lib", "AsyncTidyModule.cpp"))
    if re.search(r'registerCheck<\w+>\(\s*"%s"\)' % re.escape(name), module):
        refuse("%s is registered already in lib/AsyncTidyModule.cpp; "
               "nothing written" % name)
    existing = [rel(p) for p in files if os.path.exists(p)]
    if existing:
        refuse("%s: these files exist already, nothing written:\n  %s" %
               (name, "\n  ".join(existing)))
    cmake = read(os.path.join(ROOT, "lib", "CMakeLists.txt"))
    if re.search(r"^\s*Checks/%s\.cpp\s*$" % cls, cmake, re.M):
        refuse("Checks/%s.cpp is in lib/CMakeLists.txt already; nothing "
               "written" % cls)
    if "| [%s](" % name in read(os.path.join(ROOT, "README.md")):
        refuse("README.md has a row for %s already; nothing written" % name)


def clang_format(text, path, lines=None):
    """text formatted as the file at path would be; only the given ranges
    of lines when lines is given."""
    tool = shutil.which("clang-format-22") or shutil.which("clang-format")
    if not tool:
        print("add_check.py: no clang-format-22 or clang-format found; "
              "format %s before committing" % rel(path))
        return text
    style = os.path.join(ROOT, ".clang-format")
    cmd = [tool, "--assume-filename=" + path,
           "--style=" + ("file:" + style if os.path.exists(style) else "LLVM")]
    cmd += ["--lines=%d:%d" % r for r in lines or []]
    proc = subprocess.run(cmd, input=text, capture_output=True, text=True)
    if proc.returncode != 0:
        refuse("%s failed on %s; nothing written:\n%s" %
               (tool, rel(path), proc.stderr))
    return proc.stdout


def write_all(created, updated):
    """Writes every file, or, if one write fails, none."""
    originals = {p: read(p) for p in updated}
    done = []
    try:
        for path, text in list(created.items()) + list(updated.items()):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "x" if path in created else "w",
                      encoding="utf-8") as f:
                done.append(path)
                f.write(text)
    except OSError as e:
        for path in done:
            if path in originals:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(originals[path])
            elif os.path.exists(path):
                os.remove(path)
        refuse("%s; nothing written" % e)


def main():
    name, summary = parse_args(sys.argv)
    created = new_files(name, summary)
    refuse_existing(name, created)
    edits = edited_files(name, summary)
    for path in created:
        if rel(path).startswith("lib" + os.sep):
            created[path] = clang_format(created[path], path)
    updated = {}
    for path, (text, lines) in edits.items():
        updated[path] = clang_format(text, path, lines) if lines else text
    write_all(created, updated)
    for path in created:
        print("created " + rel(path))
    for path in updated:
        print("updated " + rel(path))
    print("Next: write the rule (isFinding in lib/Checks/%s.cpp), replace the "
          "PLACEHOLDER expectations in test/checkers/%s*, fill in "
          "docs/checks/%s.md, then rebuild." % (class_name(name), name, name))


if __name__ == "__main__":
    main()
