#!/usr/bin/env python3
"""Times the async-lint driver on the Boost 1.81 coroutine examples, as a CI
run would use it, and prints ratios:

  -j1 vs -j2      wall time of a run without cache, one worker against two
  warm vs cold    wall time of a re-run with every unit cached against the
                  run that filled the cache

    bench/driver_bench.py --build build [--files GLOB ...]
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

EXAMPLES = "/usr/share/doc/libboost1.81-doc/examples/libs"
GLOBS = ["asio/example/cpp20/*/*.cpp", "beast/example/*/*/awaitable/*.cpp",
         "beast/example/advanced/server-flex-awaitable/*.cpp"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", default="build")
    p.add_argument("--files", nargs="*", default=GLOBS)
    args = p.parse_args()
    files = sorted({f for g in args.files
                    for f in glob.glob(os.path.join(EXAMPLES, g))})
    if not files:
        sys.exit("no files: install libboost1.81-doc")
    work = tempfile.mkdtemp(prefix="async-lint-bench-")
    db = []
    for f in files:
        cmd = ["clang++", "-std=c++20"]
        if "flex_awaitable" in f:
            cmd += ["-I" + os.path.join(EXAMPLES, "beast"), "-include", "list"]
        db.append({"directory": work, "file": f, "arguments": cmd + ["-c", f]})
    with open(os.path.join(work, "compile_commands.json"), "w") as out:
        json.dump(db, out)
    tool = os.path.join(args.build, "bin", "async-lint")
    cache = os.path.join(work, "cache")

    def run(*extra):
        start = time.monotonic()
        subprocess.run([tool, "-p", work, "--quiet"] + list(extra) + files,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.monotonic() - start

    j1 = run("--no-cache", "-j1")
    j2 = run("--no-cache", "-j2")
    cold = run("--cache-dir=" + cache, "-j2")
    warm = run("--cache-dir=" + cache, "-j2")
    shutil.rmtree(work, ignore_errors=True)
    print("%d files" % len(files))
    print("-j1 %.1fs, -j2 %.1fs: -j2 speed-up %.2fx" % (j1, j2, j1 / j2))
    print("cold %.1fs, warm %.2fs: warm re-run is %.3f of cold" %
          (cold, warm, warm / cold))


if __name__ == "__main__":
    main()
