#!/usr/bin/env python3
"""How the checks' cost grows with the code: generated translation units of
many coroutines and one coroutine of many statements, and the editor's
latency after an edit.

    bench/scale.py --build build [--sizes 1000 10000] [--statements 10000]
        [--repeat 2] [--clangd] [--svg docs/performance-scale.svg]

For each generated unit it reports the CPU time of `clang++-22
-fsyntax-only`, of clang-tidy-22 with every async-* check through the
plugin, the checks' own time (clang-tidy's --enable-check-profile, summed
over the async-* checks), the ratio of the clang-tidy run to parsing, and
the checks' time per coroutine (or per statement), which stays flat when the
cost is linear. With --clangd it opens the 1,000-coroutine unit in
async-lint-clangd and in stock clangd-22 (the same .clangd, which stock
clangd cannot honour for async-* checks) and times, after each of three
edits, how long the server takes to publish diagnostics again. With --svg
it draws the checks' time against the unit's size.
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS = os.path.join(ROOT, "test", "checkers", "Inputs")
sys.path.insert(0, os.path.join(ROOT, "test", "lsp"))

HEADER = """#include <mutex>
#include <string_view>
#include <utility>
#include "task.h"
demo::task<> sub();
std::mutex m;
"""


def coroutine(i):
    """One coroutine with the shapes the checks look at: locals, a view,
    branches and loops that suspend, a scoped lock, a child task."""
    child = "c%d(local)" % (i - 1) if i else "c_leaf(local)"
    return """demo::task<int> c%(i)d(int x) {
  int local = x + %(i)d;
  std::string_view v = "abc";
  if (local > 3)
    co_await sub();
  for (int k = 0; k < 3; ++k) {
    co_await sub();
    local += k + static_cast<int>(v.size());
  }
  {
    std::lock_guard<std::mutex> g(m);
    local += 1;
  }
  auto t = %(child)s;
  int r = co_await std::move(t);
  co_return r + local;
}
""" % {"i": i, "child": child}


def many_coroutines(n):
    return (HEADER + "demo::task<int> c_leaf(int x) { co_return x; }\n" +
            "".join(coroutine(i) for i in range(n)))


def long_coroutine(statements):
    body = []
    for i in range(statements):
        if i % 10 == 9:
            body.append("  if (x > %d)\n    co_await sub();\n" % i)
        else:
            body.append("  x += %d;\n" % (i % 7))
    return (HEADER + "demo::task<int> long_one(int x) {\n" + "".join(body) +
            "  co_return x;\n}\n")


def cpu(cmd):
    """The CPU seconds (user and system) of running \\p cmd, and its
    output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit("scale.py: %s failed:\n%s" % (cmd[0], proc.stderr[-2000:]))
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime -
                                                 before.ru_stime)
    return used, proc.stdout + proc.stderr


def checks_time(profile_output):
    """The user+system seconds of the async-* checks in clang-tidy's check
    profile."""
    total = 0.0
    for line in profile_output.splitlines():
        m = re.match(r"\s*([\d.]+)\s+\(\s*[\d.]+%\)\s+([\d.]+)\s+\(\s*[\d.]+%\)"
                     r".*\s(async-\S+)$", line)
        if m:
            total += float(m.group(1)) + float(m.group(2))
    return total


def measure(path, plugin, repeat):
    flags = ["-std=c++20", "-nostdinc", "-isystem", INPUTS]
    parse = min(cpu(["clang++-22", "-fsyntax-only"] + flags + [path])[0]
                for _ in range(repeat))
    tidy_runs = [cpu(["clang-tidy-22", "-load=" + plugin, "-checks=-*,async-*",
                      "--enable-check-profile", "--quiet", path, "--"] + flags)
                 for _ in range(repeat)]
    tidy = min(t for t, _ in tidy_runs)
    checks = min(checks_time(out) for _, out in tidy_runs)
    return parse, tidy, checks


def editor_latency(server, path, edits=3, timeout=300):
    """Seconds from each edit to the diagnostics published for it."""
    from lsp_client import Server
    uri = "file://" + path
    s = Server([server, "--log=error", "--pch-storage=memory"])
    s.request("initialize", {"processId": os.getpid(),
                             "rootUri": "file://" + os.path.dirname(path),
                             "capabilities": {}})
    s.notify("initialized", {})
    text = open(path).read()
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})

    def wait():
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = s.receive(timeout=deadline - time.monotonic())
            if message is None:
                sys.exit("scale.py: %s exited" % server)
            if message.get("method") == "textDocument/publishDiagnostics" \
                    and message["params"]["uri"] == uri:
                return
        sys.exit("scale.py: no diagnostics from %s" % server)

    wait()
    latencies = []
    for version in range(2, 2 + edits):
        text += "// edit %d\n" % version
        start = time.monotonic()
        s.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})
        wait()
        latencies.append(time.monotonic() - start)
    s.request("shutdown", None)
    s.notify("exit", None)
    s.proc.wait(timeout=30)
    return latencies


def svg(rows, path):
    """Checks' seconds against coroutines, one point per unit of
    coroutines, with the line through the origin and the largest."""
    points = [(n, checks) for kind, n, _, _, checks in rows
              if kind == "coroutines"]
    if not points:
        return
    w, h, pad = 520, 300, 50
    most_n = max(n for n, _ in points)
    most_t = max(t for _, t in points) or 1.0
    def x(n):
        return pad + (w - 2 * pad) * n / most_n
    def y(t):
        return h - pad - (h - 2 * pad) * t / most_t
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d"'
             ' font-family="sans-serif" font-size="12">' % (w, h),
             '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>' % (
                 pad, h - pad, w - pad, h - pad),
             '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>' % (
                 pad, pad, pad, h - pad),
             '<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#bbb" '
             'stroke-dasharray="4"/>' % (x(0), y(0), x(most_n), y(most_t))]
    for n, t in points:
        parts.append('<circle cx="%.1f" cy="%.1f" r="4" fill="#d80"/>' %
                     (x(n), y(t)))
        parts.append('<text x="%.1f" y="%.1f">%d: %.2f s</text>' % (
            x(n) - 40, y(t) - 10, n, t))
    parts.append('<text x="%d" y="%d">coroutines in the unit</text>' % (
        w / 2 - 60, h - 15))
    parts.append('<text x="10" y="%d" transform="rotate(-90 10,%d)">'
                 'async-* checks, CPU seconds</text>' % (h / 2 + 70,
                                                         h / 2 + 70))
    parts.append("</svg>\n")
    with open(path, "w") as f:
        f.write("\n".join(parts))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    p.add_argument("--statements", type=int, default=10000)
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--clangd", action="store_true")
    p.add_argument("--svg")
    args = p.parse_args()
    plugin = os.path.join(args.build, "lib", "libAsyncLintPlugin.so")
    if not os.path.exists(plugin):
        sys.exit("scale.py: no plugin at %s" % plugin)

    rows = []
    with tempfile.TemporaryDirectory(prefix="async-lint-scale-") as work:
        units = [("coroutines", n, many_coroutines(n)) for n in args.sizes]
        if args.statements:
            units.append(("statements", args.statements,
                          long_coroutine(args.statements)))
        for kind, n, code in units:
            path = os.path.join(work, "%s_%d.cpp" % (kind, n))
            with open(path, "w") as f:
                f.write(code)
            parse, tidy, checks = measure(path, plugin, args.repeat)
            rows.append((kind, n, parse, tidy, checks))
        print("| unit | parse (s) | clang-tidy + async-* (s) | ratio | "
              "checks (s) | checks per item (ms) |")
        print("|---|---|---|---|---|---|")
        for kind, n, parse, tidy, checks in rows:
            print("| %d %s | %.2f | %.2f | %.3fx | %.3f | %.4f |" % (
                n, kind, parse, tidy, tidy / parse, checks,
                1000 * checks / n))
        if args.clangd:
            unit = os.path.join(work, "edit.cpp")
            with open(unit, "w") as f:
                f.write(many_coroutines(1000))
            with open(os.path.join(work, "compile_flags.txt"), "w") as f:
                f.write("-std=c++20\n-nostdinc\n-isystem\n%s\n" % INPUTS)
            with open(os.path.join(work, ".clangd"), "w") as f:
                f.write("Diagnostics:\n  ClangTidy:\n    Add: [async-*]\n"
                        "    FastCheckFilter: Loose\n")
            ours = editor_latency(os.path.join(args.build, "bin",
                                               "async-lint-clangd"), unit)
            stock = editor_latency(shutil.which("clangd-22") or "clangd-22",
                                   unit)
            print()
            print("| server (1000 coroutines) | diagnostics after an edit "
                  "(s, each of 3 edits) |")
            print("|---|---|")
            print("| async-lint-clangd | %s |" % ", ".join(
                "%.2f" % t for t in ours))
            print("| clangd-22 | %s |" % ", ".join("%.2f" % t for t in stock))
    if args.svg:
        svg(rows, args.svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
