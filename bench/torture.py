#!/usr/bin/env python3
"""Feeds every check broken code, the way an editor does on each keystroke,
and reports any crash or hang.

    bench/torture.py --build build [--inputs FILE_OR_DIR ...] [--tree DB ...]
        [--mutants N] [--seed S] [--timeout SECONDS] [--clangd]
        [--sample N] [--generated] [--keep DIR]

Each input (by default every test input under test/checkers and the Boost
1.81 coroutine examples; --tree adds the files of a compile database, such
as the libcoro and concurrencpp trees bench/realcode lays out; --generated
adds units of deep nesting and one huge body) is cut into mutants: cut after each top-level declaration, cut at random byte offsets,
with random tokens deleted, and with a brace removed or added. Every mutant
goes through every async-* check in the clang-tidy plugin (and, with
--clangd, in async-lint-clangd --check, which runs the checks the way the
editor does). A crash is a signal or an exit status other than 0 or 1 (3
for clangd --check, which exits 3 on errors in the code); a hang is a run
longer than --timeout, except a clangd run that stock clangd-22 cannot
finish in time either (clangd's own features on deep nesting: counted
apart). Crashing and hanging mutants are kept in --keep.

Prints the counts (inputs, mutants, runs, crashes, hangs) and exits 1 when
any run crashed or hung, 2 on bad input.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import unit_arguments  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS = os.path.join(ROOT, "test", "checkers", "Inputs")
BOOST = "/usr/share/doc/libboost1.81-doc/examples/libs"
BOOST_DIRS = ["asio/example/cpp20", "beast/example/http/server/awaitable",
              "beast/example/websocket/server/awaitable",
              "beast/example/advanced/server-flex-awaitable"]


def fail(message):
    print("torture.py: " + message, file=sys.stderr)
    sys.exit(2)


def default_inputs():
    """The checker tests (with the mock headers) and the Boost examples."""
    found = []
    checkers = os.path.join(ROOT, "test", "checkers")
    for name in sorted(os.listdir(checkers)):
        if name.endswith(".cpp"):
            found.append((os.path.join(checkers, name), mock_flags()))
    invalid = os.path.join(INPUTS, "invalid")
    for name in sorted(os.listdir(invalid)):
        if name.endswith(".cpp"):
            found.append((os.path.join(invalid, name), mock_flags()))
    for sub in BOOST_DIRS:
        top = os.path.join(BOOST, sub)
        for dirpath, _, files in sorted(os.walk(top)):
            for name in sorted(files):
                if name.endswith(".cpp"):
                    found.append((os.path.join(dirpath, name),
                                  ["-std=c++20"]))
    return found


def mock_flags():
    return ["-std=c++20", "-nostdinc", "-isystem", INPUTS]


def tree_inputs(db_path):
    """The files of a compile database, each with the flags that find its
    headers and configure it (include paths, defines, the standard)."""
    try:
        entries = json.load(open(db_path))
    except (OSError, ValueError) as error:
        fail("cannot read compile database %s: %s" % (db_path, error))
    found = []
    for entry in entries:
        path, args = unit_arguments(entry)
        flags, keep_next = [], False
        for arg in args:
            if keep_next or arg.startswith(("-I", "-D", "-std", "-isystem",
                                            "-include")):
                flags.append(arg)
            # The value of a flag given as two arguments ("-isystem dir").
            keep_next = arg in ("-I", "-D", "-isystem", "-include")
        found.append((path, flags))
    return found


def generated_inputs(folder):
    """Units at the edges of what Clang parses: 3,000 nested scopes, 400
    nested coroutine lambdas (Clang's own parser overflows its stack near
    530 nested lambdas), one coroutine of 30,000 statements."""
    flags = mock_flags() + ["-fbracket-depth=10000"]
    head = '#include "task.h"\ndemo::task<> sub();\n'
    units = {
        "deep_scopes": head + "demo::task<> deep() {\n" + "{\n" * 3000 +
        "co_await sub();\n" + "}\n" * 3000 + "}\n",
        "deep_lambdas": head + "demo::task<> f() {\n  int v = 0;\n" + "".join(
            "auto l%d = [&]() -> demo::task<> {\n co_await sub();\n" % i
            for i in range(400)) + "++v;\n" + "co_return; };\n" * 400 +
        "co_return;\n}\n",
        "huge_body": head + "demo::task<int> huge(int x) {\n" + "".join(
            "  x += %d; if (x > %d) co_await sub();\n" % (i % 5, i)
            for i in range(30000)) + "  co_return x;\n}\n",
    }
    found = []
    for name, code in units.items():
        path = os.path.join(folder, name + ".cpp")
        with open(path, "w") as out:
            out.write(code)
        found.append((path, flags))
    return found


def top_level_cuts(text):
    """Offsets just after each top-level declaration (a '}' or ';' that
    brings the brace depth back to zero)."""
    cuts, depth = [], 0
    for i, c in enumerate(text):
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
            if depth == 0:
                cuts.append(i + 1)
        elif c == ";" and depth == 0:
            cuts.append(i + 1)
    return cuts


def mutants(text, rng, count):
    """Broken versions of \\p text: cut after top-level declarations, cut at
    random offsets, tokens deleted, braces unbalanced."""
    out = []
    cuts = top_level_cuts(text)
    for cut in rng.sample(cuts, min(len(cuts), count)):
        out.append(("cut-decl@%d" % cut, text[:cut]))
    for _ in range(count):
        cut = rng.randrange(len(text) + 1) if text else 0
        out.append(("cut@%d" % cut, text[:cut]))
    tokens = [m.span() for m in re.finditer(r"\w+|[^\s\w]", text)]
    for _ in range(count):
        if not tokens:
            break
        doomed = sorted(rng.sample(tokens, min(len(tokens), 3)), reverse=True)
        broken = text
        for start, end in doomed:
            broken = broken[:start] + broken[end:]
        out.append(("delete@%s" % ",".join(str(s) for s, _ in doomed),
                    broken))
    closes = [i for i, c in enumerate(text) if c == "}"]
    opens = [i for i, c in enumerate(text) if c == "{"]
    for _ in range(count):
        if closes and rng.random() < 0.5:
            i = rng.choice(closes)
            out.append(("unclose@%d" % i, text[:i] + text[i + 1:]))
        elif opens:
            i = rng.choice(opens)
            out.append(("reopen@%d" % i, text[:i] + "{" + text[i:]))
    return out


def run(cmd, timeout, allowed, cwd=None):
    """'ok', 'crash' or 'hang', and the output; \p allowed are the exit
    statuses of a run that finished (with or without errors in the code)."""
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True,
                              errors="replace", timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired as expired:
        return "hang", str(expired.output or "")
    # A crash dies by a signal, or exits with another status after LLVM's
    # stack dump.
    crashed = proc.returncode not in allowed
    return ("crash" if crashed else "ok"), proc.stdout


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--inputs", nargs="*", default=None,
                   help="files or folders of .cpp files (mock headers)")
    p.add_argument("--tree", nargs="*", default=[],
                   help="compile_commands.json whose files to add")
    p.add_argument("--mutants", type=int, default=4,
                   help="mutants of each kind per input")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--timeout", type=float, default=60.0)
    p.add_argument("--clangd", action="store_true",
                   help="also run async-lint-clangd --check")
    p.add_argument("--sample", type=int, default=0,
                   help="only this many inputs, chosen by the seed")
    p.add_argument("--generated", action="store_true",
                   help="add units of deep nesting and a huge body")
    p.add_argument("--keep", default=None,
                   help="folder for crashing and hanging mutants")
    args = p.parse_args()

    plugin = os.path.join(args.build, "lib", "libAsyncLintPlugin.so")
    clangd = os.path.join(args.build, "bin", "async-lint-clangd")
    tidy = shutil.which("clang-tidy-22") or "/usr/lib/llvm-22/bin/clang-tidy"
    if not os.path.exists(plugin):
        fail("no plugin at %s (build AsyncLintPlugin first)" % plugin)
    if args.clangd and not os.path.exists(clangd):
        fail("no async-lint-clangd at %s" % clangd)

    if args.inputs is None:
        inputs = default_inputs()
    else:
        inputs = []
        for item in args.inputs:
            if os.path.isdir(item):
                for name in sorted(os.listdir(item)):
                    if name.endswith(".cpp"):
                        inputs.append((os.path.join(item, name), mock_flags()))
            elif os.path.isfile(item):
                inputs.append((item, mock_flags()))
            else:
                fail("no such input: %s" % item)
    for db in args.tree:
        inputs += tree_inputs(db)
    generated_dir = tempfile.mkdtemp(prefix="async-lint-torture-gen-")
    if args.generated:
        inputs += generated_inputs(generated_dir)
    rng = random.Random(args.seed)
    if args.sample and args.sample < len(inputs):
        inputs = rng.sample(inputs, args.sample)

    counts = {"inputs": len(inputs), "mutants": 0, "runs": 0, "crash": 0,
              "hang": 0, "clangd-own": 0}
    stock = shutil.which("clangd-22")
    bad = []
    with tempfile.TemporaryDirectory(prefix="async-lint-torture-") as work:
        with open(os.path.join(work, ".clangd"), "w") as config:
            config.write("Diagnostics:\n  ClangTidy:\n    Add: [async-*]\n"
                         "    FastCheckFilter: Loose\n")
        for path, flags in inputs:
            try:
                text = open(path, encoding="utf-8", errors="replace").read()
            except OSError as error:
                fail("cannot read %s: %s" % (path, error))
            base = os.path.splitext(os.path.basename(path))[0]
            # The mutant keeps the input's name and folder for its includes.
            flags = flags + ["-I", os.path.dirname(path)]
            for kind, broken in mutants(text, rng, args.mutants):
                counts["mutants"] += 1
                target = os.path.join(work, base + ".cpp")
                with open(target, "w") as out:
                    out.write(broken)
                with open(os.path.join(work, "compile_flags.txt"), "w") as cf:
                    cf.write("\n".join(flags) + "\n")
                # clang-tidy exits 1 on errors in the code; clangd --check 3.
                runs = [([tidy, "-load=" + plugin, "-checks=-*,async-*",
                          "--quiet", target, "--"] + flags, (0, 1))]
                if args.clangd:
                    # Building the AST runs the checks .clangd enables;
                    # --check-tidy-time would rerun each until its timing is
                    # stable, which on a busy machine takes minutes.
                    runs.append(([clangd, "--check=" + target,
                                  "--check-locations=false", "--log=error"],
                                 (0, 3)))
                for cmd, allowed in runs:
                    counts["runs"] += 1
                    status, output = run(cmd, args.timeout, allowed, cwd=work)
                    if status == "ok":
                        continue
                    # clangd's own features (highlighting, inlay hints) can
                    # take longer than the bound on deep nesting: a hang
                    # that stock clangd-22 shares is not the checks'.
                    if status == "hang" and cmd[0] == clangd and stock and \
                            run([stock] + cmd[1:], args.timeout, allowed,
                                cwd=work)[0] == "hang":
                        counts["clangd-own"] += 1
                        continue
                    counts[status] += 1
                    bad.append((status, path, kind, cmd[0]))
                    if args.keep:
                        os.makedirs(args.keep, exist_ok=True)
                        name = "%s-%s-%s" % (status, base,
                                             re.sub(r"\W", "_", kind))
                        with open(os.path.join(args.keep, name + ".cpp"),
                                  "w") as out:
                            out.write(broken)
                        with open(os.path.join(args.keep, name + ".log"),
                                  "w") as out:
                            out.write(" ".join(cmd) + "\n" + output)
    shutil.rmtree(generated_dir, ignore_errors=True)
    for status, path, kind, tool in bad:
        print("%s: %s (%s) in %s" % (status, path, kind,
                                     os.path.basename(tool)))
    print("%(inputs)d inputs, %(mutants)d mutants, %(runs)d runs: "
          "%(crash)d crashes, %(hang)d hangs" % counts)
    if counts["clangd-own"]:
        print("%(clangd-own)d clangd runs over the bound in stock clangd-22 "
              "too (its own features, not the checks)" % counts)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
