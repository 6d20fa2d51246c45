#!/usr/bin/env python3
"""Measure summaries across units from outside, on hand-written two-unit projects.

For every case of bench/xtu/cases/<id>/ (the bug) and its twin (the files of
<id>/twin/ laid over the bug's), this script lays the project out in a work
directory, writes its compile_commands.json, and lints the caller's unit
through four front ends, each given the summaries the way the docs say:

  driver   async-lint --summaries=DIR over every unit of the project
  tidy     async-lint summarize -p BUILD --summaries=DIR, then
           clang-tidy-22 -load=libAsyncLintPlugin.so with SummaryDirectory
  clangd   the same summary directory in the project's .clangd
           (Diagnostics.ClangTidy.CheckOptions.SummaryDirectory);
           async-lint-clangd driven over stdio (initialize, didOpen caller)
  nosum    (control) async-lint on the caller alone, without summaries
  plugin   clang++-22 -fplugin=libAsyncLintCompilerPlugin.so: every other
           unit with summary-out=DIR first, then the caller with summary-dir=DIR

It records, for the bug, whether the case's check warns at the caller's line
marked `// EXPECT-WARN`, and whether that warning has a note in another unit
of the project (and at a line marked `// EXPECT-NOTE`); for the twin, whether
the case's check (and any async-* check) stays silent. With --warm, after the
driver's run of the bug it edits the callee (appends a comment) and runs the
driver again with the same cache, recording which units it analysed afresh and
which it re-checked with the summaries (the driver's own stderr lines).

Nothing of the tools is copied: their paths come from the command line.
"""

import argparse
import concurrent.futures
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
COMMON = CASES / "common"
TIMEOUT = 900

DIAG = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|error|note): "
                  r"(?P<msg>.*?)(?: \[(?P<check>[\w.,-]+)\])?$")


def load_cases(selected):
    cases = []
    for d in sorted(CASES.iterdir()):
        if not d.is_dir() or d.name == "common":
            continue
        if selected and d.name not in selected:
            continue
        meta = json.loads((d / "case.json").read_text())
        meta["id"] = d.name
        meta["dir"] = d
        cases.append(meta)
    return cases


def lay_out(case, variant, work):
    """Copies the case (and, for the twin, its overlay) into work/src."""
    root = work / case["id"] / variant
    if root.exists():
        shutil.rmtree(root)
    src = root / "src"
    src.mkdir(parents=True)
    for f in case["dir"].iterdir():
        if f.is_file() and f.name != "case.json":
            shutil.copy(f, src / f.name)
    if variant == "twin":
        for f in (case["dir"] / "twin").iterdir():
            shutil.copy(f, src / f.name)
    shutil.copy(COMMON / "mini.h", src / "mini.h")
    db = [{"directory": str(src), "file": str(src / u),
           "arguments": ["clang++-22", "-std=c++20", "-I" + str(src), "-c", str(src / u),
                         "-o", str(root / (u + ".o"))]}
          for u in case["units"]]
    (src / "compile_commands.json").write_text(json.dumps(db, indent=1))
    return root, src


def markers(src, unit, tag):
    lines = (src / unit).read_text().splitlines()
    return [i + 1 for i, l in enumerate(lines) if tag in l]


def run(cmd, cwd, log, env=None, timeout=TIMEOUT):
    t0 = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
        out, err, rc = p.stdout, p.stderr, p.returncode
    except subprocess.TimeoutExpired as e:
        out, err, rc = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or ""), \
            "TIMEOUT", -999
    with open(log, "a") as f:
        f.write("$ " + " ".join(map(str, cmd)) + f"\n# rc={rc} {time.time() - t0:.1f}s\n")
        f.write(out + "\n--- stderr ---\n" + err + "\n")
    return out, err, rc


def parse_text(text):
    """clang-style diagnostics: warnings with the notes that follow them."""
    diags = []
    for line in text.splitlines():
        m = DIAG.match(line.strip())
        if not m:
            continue
        d = {"file": os.path.basename(m["file"]), "line": int(m["line"]), "col": int(m["col"]),
             "msg": m["msg"], "check": m["check"] or ""}
        if m["kind"] == "note":
            if diags:
                diags[-1]["notes"].append(d)
        else:
            d["kind"] = m["kind"]
            d["notes"] = []
            diags.append(d)
    return diags


def dedup(diags):
    seen, out = set(), []
    for d in diags:
        k = (d["file"], d["line"], d["col"], d["check"], d["msg"])
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out


# ---------------------------------------------------------------- front ends

def fe_driver(tools, case, root, src, log):
    sums, cache = root / "sums", root / "cache"
    units = [str(src / u) for u in case["units"]]
    out, err, rc = run([tools.async_lint, "--summaries=" + str(sums), "--cache-dir=" + str(cache),
                        "-p", str(src), "-j1"] + units, src, log)
    return {"rc": rc, "diags": dedup(parse_text(out)), "stderr": err}


def fe_nosum(tools, case, root, src, log):
    """Control: the driver on the caller alone, without summaries."""
    out, err, rc = run([tools.async_lint, "--no-cache", "-p", str(src), "-j1", str(src / case["caller"])], src, log)
    return {"rc": rc, "diags": dedup(parse_text(out))}


def summarize(tools, case, root, src, log):
    sums = root / "sums"
    units = [str(src / u) for u in case["units"]]
    out, err, rc = run([tools.async_lint, "summarize", "--summaries=" + str(sums),
                        "--cache-dir=" + str(root / "cache"), "-p", str(src), "-j1"] + units, src, log)
    return sums, rc


def fe_tidy(tools, case, root, src, log, sums):
    cfg = "{Checks: '-*,async-*', CheckOptions: {SummaryDirectory: '%s'}}" % sums
    out, err, rc = run([tools.clang_tidy, "-load=" + tools.tidy_plugin, "-p", str(src),
                        "--config=" + cfg, str(src / case["caller"])], src, log)
    return {"rc": rc, "diags": dedup(parse_text(out))}


def fe_plugin(tools, case, root, src, log):
    pdir = root / "plugin-sums"
    pdir.mkdir(exist_ok=True)
    base = ["clang++-22", "-std=c++20", "-I" + str(src), "-fsyntax-only", "-fplugin=" + tools.compiler_plugin]
    rcs = []
    for u in case["units"]:
        if u == case["caller"]:
            continue
        _, _, rc = run(base + ["-fplugin-arg-async-lint-summary-out=" + str(pdir), str(src / u)], src, log)
        rcs.append(rc)
    out, err, rc = run(base + ["-fplugin-arg-async-lint-summary-dir=" + str(pdir), str(src / case["caller"])],
                       src, log)
    return {"rc": rc, "callee_rcs": rcs, "diags": dedup(parse_text(err))}


class Lsp:
    def __init__(self, cmd, cwd, log):
        self.p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=open(log, "a"))
        self.buf = b""
        self.next_id = 0

    def send(self, method, params, request=True):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            msg["id"] = self.next_id
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()
        return msg.get("id")

    def read(self, deadline):
        while True:
            if b"\r\n\r\n" in self.buf:
                head, rest = self.buf.split(b"\r\n\r\n", 1)
                n = int(re.search(rb"Content-Length: (\d+)", head).group(1))
                if len(rest) >= n:
                    self.buf = rest[n:]
                    return json.loads(rest[:n])
            left = deadline - time.time()
            if left <= 0:
                return None
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                return None
            chunk = os.read(self.p.stdout.fileno(), 65536)
            if not chunk:
                return None
            self.buf += chunk

    def close(self):
        try:
            self.send("shutdown", None)
            self.send("exit", None, request=False)
            self.p.wait(timeout=20)
        except Exception:
            self.p.kill()
            self.p.wait()


def fe_clangd(tools, case, root, src, log, sums):
    (src / ".clangd").write_text(
        "Diagnostics:\n  ClangTidy:\n    Add: [async-*]\n    FastCheckFilter: Loose\n"
        "    CheckOptions:\n      SummaryDirectory: %s\n" % sums)
    env_home = root / "home"
    env_home.mkdir(exist_ok=True)
    caller = src / case["caller"]
    uri = caller.as_uri()
    lsp = Lsp([tools.clangd, "--log=error", "--background-index=false", "--pch-storage=memory"],
              src, log)
    result = {"rc": 0, "diags": []}
    try:
        deadline = time.time() + TIMEOUT
        lsp.send("initialize", {"processId": os.getpid(), "rootUri": src.as_uri(),
                                "capabilities": {"textDocument": {"publishDiagnostics": {
                                    "relatedInformation": True}}}})
        while True:
            m = lsp.read(deadline)
            if m is None or m.get("id") == 1:
                break
        lsp.send("initialized", {}, request=False)
        lsp.send("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": caller.read_text()}}, request=False)
        while True:
            m = lsp.read(deadline)
            if m is None:
                result["rc"] = -999
                break
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                result["raw"] = m["params"]["diagnostics"]
                break
    finally:
        lsp.close()
    for d in result.get("raw", []):
        entry = {"file": case["caller"], "line": d["range"]["start"]["line"] + 1,
                 "col": d["range"]["start"]["character"] + 1, "msg": d["message"].split("\n")[0],
                 "check": str(d.get("code", "")), "notes": []}
        for ri in d.get("relatedInformation", []) or []:
            loc = ri["location"]
            entry["notes"].append({"file": os.path.basename(loc["uri"]),
                                   "line": loc["range"]["start"]["line"] + 1,
                                   "col": loc["range"]["start"]["character"] + 1, "msg": ri["message"]})
        # Without related information clangd folds notes into the message.
        for m in re.finditer(r"\n([^\n:]+):(\d+):(\d+): (?:note: )?([^\n]*)", d["message"]):
            entry["notes"].append({"file": os.path.basename(m[1]), "line": int(m[2]), "col": int(m[3]),
                                   "msg": m[4]})
        if d.get("severity", 1) <= 2:
            result["diags"].append(entry)
    return result


def warm(tools, case, root, src, log):
    """Touches the callee (the unit the caller calls) and runs the driver again."""
    callee = [u for u in case["units"] if u != case["caller"]][-1]
    with open(src / callee, "a") as f:
        f.write("// edited after the first run\n")
    out, err, rc = run([tools.async_lint, "--summaries=" + str(root / "sums"),
                        "--cache-dir=" + str(root / "cache"), "-p", str(src), "-j1"]
                       + [str(src / u) for u in case["units"]], src, log)
    res = {"touched": callee, "rc": rc, "diags": dedup(parse_text(out))}
    for key, pat in (("afresh", r"analysed afresh: \d+ files?(?: \((.*)\))?"),
                     ("rechecked", r"re-checked with the summaries: \d+ files?(?: \((.*)\))?"),
                     ("replayed", r"(\d+) files? unchanged since the last run")):
        m = re.search(pat, err)
        if key == "replayed":
            res[key] = int(m[1]) if m else 0
        else:
            res[key] = sorted(os.path.basename(x.strip()) for x in (m[1] or "").split(",") if x.strip()) \
                if m else []
    return res


# ---------------------------------------------------------------- judging

def judge(case, variant, src, fe_result):
    check = case["check"]
    caller = case["caller"]
    diags = fe_result.get("diags", [])
    mine = [d for d in diags if d["check"].split(",")[0] == check]
    others = [d for d in diags if d["check"].startswith("async-") and d["check"].split(",")[0] != check]
    errors = [d for d in diags if d.get("kind") == "error"]
    callees = [u for u in case["units"] if u != caller]
    headers = [f.name for f in src.iterdir() if f.suffix == ".h"]
    if variant == "bug":
        want = markers(src, caller, "EXPECT-WARN")
        note_lines = {(u, l) for u in callees for l in markers(src, u, "EXPECT-NOTE")}
        hits = [d for d in mine if d["file"] == caller and d["line"] in want]
        found = bool(hits)
        note = any(n["file"] in callees for d in hits for n in d["notes"])
        note_exact = any((n["file"], n["line"]) in note_lines for d in hits for n in d["notes"])
        elsewhere = [d for d in mine if d not in hits]
        return {"found": found, "note": note, "note_at_marker": note_exact,
                "same_check_elsewhere": elsewhere, "other_checks": others, "errors": errors,
                "hit": hits}
    return {"silent": not mine, "all_silent": not mine and not others, "same_check": mine,
            "other_checks": others, "errors": errors}


def one(tools, case, variant, work, front_ends, do_warm):
    root, src = lay_out(case, variant, work)
    log = root / "log.txt"
    res = {"case": case["id"], "variant": variant, "fe": {}}
    if "tidy" in front_ends or "clangd" in front_ends:
        sums, rc = summarize(tools, case, root, src, log)
        res["summarize_rc"] = rc
    for fe in front_ends:
        t0 = time.time()
        if fe == "driver":
            r = fe_driver(tools, case, root, src, log)
        elif fe == "tidy":
            r = fe_tidy(tools, case, root, src, log, root / "sums")
        elif fe == "nosum":
            r = fe_nosum(tools, case, root, src, log)
        elif fe == "clangd":
            r = fe_clangd(tools, case, root, src, log, root / "sums")
        else:
            r = fe_plugin(tools, case, root, src, log)
        r["seconds"] = round(time.time() - t0, 1)
        r["judged"] = judge(case, variant, src, r)
        res["fe"][fe] = r
    if do_warm and variant == "bug" and "driver" in front_ends:
        res["warm"] = warm(tools, case, root, src, log)
    print(f"{case['id']:24} {variant:4} " + " ".join(
        f"{fe}={summary_cell(res['fe'][fe]['judged'], variant)}" for fe in front_ends), flush=True)
    return res


def summary_cell(j, variant):
    if variant == "bug":
        return ("F" if j["found"] else "-") + ("N" if j["note"] else "-")
    return "S" if j["silent"] else "X"


def compile_check(cases, work):
    bad = 0
    for c in cases:
        for v in ("bug", "twin"):
            root, src = lay_out(c, v, work)
            for u in c["units"]:
                p = subprocess.run(["clang++-22", "-std=c++20", "-I" + str(src), "-fsyntax-only", str(src / u)],
                                   capture_output=True, text=True)
                if p.returncode:
                    bad += 1
                    print(f"{c['id']} {v} {u}: FAIL\n{p.stderr}")
            print(f"{c['id']} {v}: compiled", flush=True)
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--async-lint", required=True)
    ap.add_argument("--tidy-plugin", help="libAsyncLintPlugin.so")
    ap.add_argument("--compiler-plugin", help="libAsyncLintCompilerPlugin.so")
    ap.add_argument("--clangd", help="async-lint-clangd")
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("--front-ends", default="driver,tidy,clangd,plugin")
    ap.add_argument("--cases", default="", help="comma-separated case ids (default: all)")
    ap.add_argument("--variants", default="bug,twin")
    ap.add_argument("--work", default="/tmp/xtu-work")
    ap.add_argument("--out", default="results.json")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--warm", action="store_true", help="driver: edit the callee and run again")
    ap.add_argument("--compile-check", action="store_true", help="only check that every unit compiles")
    args = ap.parse_args()
    cases = load_cases([c for c in args.cases.split(",") if c])
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    if args.compile_check:
        sys.exit(1 if compile_check(cases, work) else 0)
    fes = args.front_ends.split(",")
    for fe, path in (("tidy", args.tidy_plugin), ("plugin", args.compiler_plugin), ("clangd", args.clangd)):
        if fe in fes and not path:
            ap.error(f"front end {fe} needs its path")
    jobs = [(c, v) for c in cases for v in args.variants.split(",")]
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = [ex.submit(one, args, c, v, work, fes, args.warm) for c, v in jobs]
        for f in futs:
            results.append(f.result())
    for r in results:
        for fe in r["fe"].values():
            fe.pop("stderr", None)
    Path(args.out).write_text(json.dumps(results, indent=1, default=str))
    print("wrote", args.out)


if __name__ == "__main__":
    main()
