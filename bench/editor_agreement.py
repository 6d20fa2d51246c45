#!/usr/bin/env python3
"""Does the editor see what the driver sees? Lints files with `async-lint`
and opens each in `async-lint-clangd` (every async-* check, FastCheckFilter
Loose), and lists the warnings only one of them gives.

    editor_agreement.py --build BUILD --root DIR [--flags "..."] GLOB...

clangd builds the headers of a file into a preamble with function bodies
skipped, so a rule that needs a header's body cannot fire in the editor, and
one that reads a missing body as "defined in another unit" may fire only
there. Exits 1 when the editor gives a warning the driver does not.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT = os.path.join(HERE, "..", "test", "lsp", "lsp_client.py")
DRIVER = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):\d+: warning: "
                    r"(?P<msg>.*?) \[(?P<check>async-[a-z-]+)\]$")
EDITOR = re.compile(r"^(?P<line>\d+):\d+-(?P<end>\d+):\d+ warning clang-tidy "
                    r"(?P<check>async-\S+) (?P<msg>.*)$")


def key(line, check, msg):
    msg = re.sub(r" \(fix available\)$", "", msg.split(" |  | ")[0])
    return (int(line), check, msg[:1].lower() + msg[1:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--flags", default="-std=c++20")
    parser.add_argument("globs", nargs="+")
    args = parser.parse_args()
    files = sorted({f for g in args.globs
                    for f in glob.glob(os.path.join(args.root, g))})
    if not files:
        sys.exit("editor_agreement.py: no file matches")
    work = tempfile.mkdtemp(prefix="editor-agreement-")
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": os.path.dirname(p), "file": p,
                    "arguments": ["clang++"] + args.flags.split() +
                    ["-c", p]} for p in files], f)
    # The files may lie where no .clangd can be written: the user's
    # configuration (XDG_CONFIG_HOME) enables the checks for all of them.
    os.makedirs(os.path.join(work, "xdg", "clangd"))
    with open(os.path.join(work, "xdg", "clangd", "config.yaml"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: [async-*]\n"
                "    FastCheckFilter: Loose\n")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "xdg"))
    driver = os.path.join(args.build, "bin", "async-lint")
    server = os.path.join(args.build, "bin", "async-lint-clangd")
    extra_total = missing_total = same_total = 0
    for path in files:
        out = subprocess.run([driver, "-p", work, "--quiet",
                              "--checks=-*,async-*", path],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True).stdout
        theirs = {key(m["line"], m["check"], m["msg"])
                  for m in map(DRIVER.match, out.splitlines())
                  if m and os.path.abspath(m["file"]) == path}
        proc = subprocess.run([sys.executable, CLIENT, "--server", server,
                               "--file", path, "--",
                               "--compile-commands-dir=" + work,
                               "--enable-config"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env)
        ours = set()
        for m in map(EDITOR.match, proc.stdout.splitlines()):
            if not m:
                continue
            k = key(m["line"], m["check"], m["msg"])
            for line in range(int(m["line"]), int(m["end"]) + 1):
                if (line,) + k[1:] in theirs:
                    k = (line,) + k[1:]
                    break
            ours.add(k)
        rel = os.path.relpath(path, args.root)
        same_total += len(ours & theirs)
        for k in sorted(theirs - ours):
            print("%s:%d: only the driver [%s] %s" % ((rel,) + k))
            missing_total += 1
        for k in sorted(ours - theirs):
            print("%s:%d: only the editor [%s] %s" % ((rel,) + k))
            extra_total += 1
    print("%d files: %d warnings in both, %d only from the driver, %d only "
          "in the editor" % (len(files), same_total, missing_total,
                             extra_total))
    return 1 if extra_total else 0


if __name__ == "__main__":
    sys.exit(main())
