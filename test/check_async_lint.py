#!/usr/bin/env python3
"""Runs one async-lint checker test through the clang-tidy plugin and through
the async-lint driver, and checks the expectations written beside the code.

    check_async_lint.py [options] <source.cpp> <check-name> <temp-base>
        [-- <tool arguments> [-- <compiler arguments>]]

Expectations, in the manner of clang-tidy's check_clang_tidy.py:
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ... [check]
  // CHECK-NOTES:    :[[@LINE-1]]:3: note: ...
  // CHECK-FIXES:    fixed code
CHECK-MESSAGES allows no other warning or error; CHECK-NOTES allows no other
note, warning or error. A file with none of these prefixes must produce no
diagnostic at all. A --check-suffix S reads CHECK-MESSAGES-S (and so on)
instead, so that one file can hold expectations for several configurations.

Every run must parse without compiler errors, and the driver's exit status
must agree with its output (1 with findings, 0 without).

With --modes=...,driver,lsp the file is also opened in async-lint-clangd (a
folder of its own with a compile database, a .clang-tidy naming the check and
the --config options, and a .clangd that lets clangd run slow checks), and
the warnings it publishes must be the driver's: the same lines, checks and
messages. Notes are not compared (clangd shows them as related information).
A difference the editor cannot avoid is written beside the warning, with its
reason, as `// LSP-MISSING: [[@LINE-1]] <reason>` (the driver's warning on
that line is not published by clangd) or `// LSP-EXTRA: [[@LINE-1]] ...`
(clangd publishes one there that the driver does not); with --check-suffix S,
`LSP-MISSING-S` and `LSP-EXTRA-S`.
"""

import argparse
import json
import os
import re
import subprocess
import sys

PREFIXES = ("CHECK-MESSAGES", "CHECK-NOTES", "CHECK-FIXES")


def fail(message):
    sys.exit("check_async_lint.py: " + message)


def run(cmd, description):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    print("--- %s: %s" % (description, " ".join(cmd)))
    print(proc.stdout, end="")
    if proc.stderr.strip():
        print("--- stderr:\n" + proc.stderr, end="")
    return proc


def file_check(filecheck, input_file, check_file, prefix, implicit_not):
    cmd = [filecheck, "-input-file=" + input_file, check_file,
           "-check-prefix=" + prefix, "-strict-whitespace",
           "-dump-input=fail"]
    if implicit_not:
        cmd.append("-implicit-check-not=" + implicit_not)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    if proc.returncode != 0:
        print(proc.stdout)
        return False
    return True


def split_args(argv):
    """Splits 'options -- tool args -- compiler args'."""
    if "--" not in argv:
        return argv, [], []
    i = argv.index("--")
    own, rest = argv[:i], argv[i + 1:]
    if "--" in rest:
        j = rest.index("--")
        return own, rest[:j], rest[j + 1:]
    return own, rest, []


WARNING = re.compile(r"^(?P<file>.*?):(?P<line>\d+):\d+: warning: "
                     r"(?P<message>.*) \[(?P<check>[\w.-]+)\]$")
LSP_WARNING = re.compile(r"^(?P<line>\d+):\d+-(?P<end>\d+):\d+ warning clang-tidy "
                         r"(?P<check>\S+) (?P<message>.*)$")


def lsp_key(line, check, message):
    """A warning as both tools print it: clangd capitalises the first letter
    and says when a fix is available, and a client without related
    information gets the notes after a blank line."""
    message = message.split(" |  | ")[0]
    message = re.sub(r" \(fix available\)$", "", message)
    return (int(line), check, message[:1].lower() + message[1:])


def lsp_differences(text, suffix):
    """The lines where clangd is expected to differ from the driver:
    ({missing lines}, {extra lines})."""
    marker = re.compile(r"//\s*LSP-(MISSING|EXTRA)%s:\s*\[\[@LINE([+-]\d+)?\]\]"
                        % re.escape(suffix))
    expected = {"MISSING": set(), "EXTRA": set()}
    for number, line in enumerate(text.splitlines(), 1):
        for m in marker.finditer(line):
            expected[m.group(1)].add(number + int(m.group(2) or 0))
    return expected["MISSING"], expected["EXTRA"]


def lsp_agrees(args, cleaned, ext, compiler_args, text, suffix):
    """Opens the file in async-lint-clangd; its warnings must be the
    driver's (the driver's run of the same file must come first)."""
    if not args.async_lint_clangd or not args.lsp_client:
        fail("the lsp mode needs --async-lint-clangd and --lsp-client")
    driver_out = "%s.driver.out" % args.temp
    if not os.path.exists(driver_out):
        fail("the lsp mode compares with the driver: list it first")
    folder = args.temp + ".lsp"
    os.makedirs(folder, exist_ok=True)
    name = "input" + ext
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(cleaned)
    with open(os.path.join(folder, "compile_commands.json"), "w") as f:
        json.dump([{"directory": folder, "file": name,
                    "arguments": [args.clang] + compiler_args +
                    ["-c", name]}], f)
    # The --config text is a YAML flow mapping: name the check inside it.
    config = args.config.strip() or "{}"
    entries = config[1:-1].strip()
    with open(os.path.join(folder, ".clang-tidy"), "w") as f:
        f.write("{Checks: '-*,%s'%s}\n" % (args.check,
                                          ", " + entries if entries else ""))
    with open(os.path.join(folder, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    FastCheckFilter: Loose\n")
    proc = run([sys.executable, args.lsp_client, "--server",
                args.async_lint_clangd, "--file",
                os.path.join(folder, name)], "lsp")
    if proc.returncode != 0:
        print("lsp: async-lint-clangd published nothing")
        return False
    if re.search(r"^\S+ error ", proc.stdout, re.M):
        print("lsp: the file does not compile in async-lint-clangd")
        return False
    with open(driver_out, encoding="utf-8") as f:
        theirs = {lsp_key(m["line"], m["check"], m["message"])
                  for m in map(WARNING.match, f.read().splitlines())
                  if m and m["file"].endswith(".driver" + ext)}
    # clangd shows a warning at its range, which may begin lines before the
    # driver's caret (a call spread over lines): a driver's warning inside
    # the range, with the same check and message, is the same warning.
    ours = set()
    for m in map(LSP_WARNING.match, proc.stdout.splitlines()):
        if not m:
            continue
        key = lsp_key(m["line"], m["check"], m["message"])
        for line in range(int(m["line"]), int(m["end"]) + 1):
            if (line,) + key[1:] in theirs:
                key = (line,) + key[1:]
                break
        ours.add(key)
    missing_ok, extra_ok = lsp_differences(text, suffix)
    ok = True
    for key in sorted(theirs - ours):
        if key[0] not in missing_ok:
            print("lsp: missing the driver's warning at line %d [%s]: %s" % key)
            ok = False
    for key in sorted(ours - theirs):
        if key[0] not in extra_ok:
            print("lsp: a warning the driver does not give, line %d [%s]: %s"
                  % key)
            ok = False
    # A marker that no longer describes a difference is stale.
    for line in sorted(missing_ok - {k[0] for k in theirs - ours}):
        print("lsp: LSP-MISSING at line %d, but clangd agrees there" % line)
        ok = False
    for line in sorted(extra_ok - {k[0] for k in ours - theirs}):
        print("lsp: LSP-EXTRA at line %d, but clangd agrees there" % line)
        ok = False
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--async-lint", required=True)
    parser.add_argument("--filecheck", default="FileCheck")
    parser.add_argument("--inputs", required=True,
                        help="mock headers, used instead of the system's")
    parser.add_argument("--check-suffix", default="")
    parser.add_argument("--config", default="",
                        help="YAML configuration, as clang-tidy -config")
    parser.add_argument("--modes", default="plugin,driver")
    parser.add_argument("--allow-compiler-errors", action="store_true")
    parser.add_argument("--compile-fixed", action="store_true",
                        help="the fixed file must compile")
    parser.add_argument("--clang", default="clang++")
    parser.add_argument("--async-lint-clangd", default="")
    parser.add_argument("--lsp-client", default="")
    parser.add_argument("source")
    parser.add_argument("check")
    parser.add_argument("temp")
    own_args, tool_args, compiler_args = split_args(sys.argv[1:])
    args = parser.parse_args(own_args)

    with open(args.source, encoding="utf-8") as f:
        text = f.read()
    suffix = "-" + args.check_suffix if args.check_suffix else ""
    prefixes = {p: p + suffix for p in PREFIXES}
    present = {p for p, full in prefixes.items()
               if re.search(r"\b" + re.escape(full) + r":", text)}

    # The analysed copy keeps every line where it was but loses the CHECK
    # comments, so that expected text cannot match itself.
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "//", text)
    temp_dir = os.path.dirname(os.path.abspath(args.temp))
    os.makedirs(temp_dir, exist_ok=True)
    ext = os.path.splitext(args.source)[1] or ".cpp"

    if not any(a.startswith("-std=") for a in compiler_args):
        compiler_args = ["-std=c++20"] + compiler_args
    compiler_args = ["-nostdinc", "-isystem", args.inputs] + compiler_args
    checks = "-checks=-*," + args.check
    config = ["-config=" + args.config] if args.config else []

    # ASYNC_LINT_TEST_MODES overrides every file's modes (to measure, say,
    # how the editor differs from the driver on every checker test).
    modes = os.environ.get("ASYNC_LINT_TEST_MODES") or args.modes
    ok = True
    for mode in modes.split(","):
        if mode == "lsp":
            ok &= lsp_agrees(args, cleaned, ext, compiler_args, text, suffix)
            continue
        work = "%s.%s%s" % (args.temp, mode, ext)
        with open(work, "w", encoding="utf-8") as f:
            f.write(cleaned)
        fixes = "CHECK-FIXES" in present and mode == "plugin"
        if mode == "plugin":
            cmd = [args.clang_tidy, "-load=" + args.plugin, work, checks]
            cmd += config + (["-fix"] if fixes else []) + tool_args
        elif mode == "driver":
            cmd = [args.async_lint, work, checks] + config + tool_args
        else:
            fail("unknown mode '%s'" % mode)
        cmd += ["--"] + compiler_args
        proc = run(cmd, mode)
        output = proc.stdout
        out_file = "%s.%s.out" % (args.temp, mode)
        with open(out_file, "w", encoding="utf-8") as f:
            f.write(output)

        has_error = re.search(r": error: ", output) is not None
        if has_error and not args.allow_compiler_errors:
            print("%s: the test file does not compile" % mode)
            ok = False
            continue
        has_warning = re.search(r": warning: ", output) is not None
        if mode == "driver" and not has_error:
            expected = 1 if has_warning else 0
            if proc.returncode != expected:
                print("driver: exit status %d, expected %d" %
                      (proc.returncode, expected))
                ok = False
        if mode == "plugin" and proc.returncode != 0 and not has_error:
            print("plugin: clang-tidy exited with %d" % proc.returncode)
            ok = False

        if not present:
            if re.search(r": (warning|error|note): ", output):
                print("%s: a file without CHECK lines must stay silent" % mode)
                ok = False
            continue
        if "CHECK-MESSAGES" in present:
            ok &= file_check(args.filecheck, out_file, args.source,
                             prefixes["CHECK-MESSAGES"],
                             "{{warning|error}}:")
        if "CHECK-NOTES" in present:
            ok &= file_check(args.filecheck, out_file, args.source,
                             prefixes["CHECK-NOTES"],
                             "{{note|warning|error}}:")
        if fixes:
            ok &= file_check(args.filecheck, work, args.source,
                             prefixes["CHECK-FIXES"], None)
            if args.compile_fixed:
                compiled = run([args.clang, "-fsyntax-only", work] +
                               compiler_args, "compile the fixed file")
                if compiled.returncode != 0:
                    print("the fixed file does not compile")
                    ok = False
        if not ok:
            print("%s: expectations not met" % mode)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
