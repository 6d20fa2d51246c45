#!/usr/bin/env python3
"""Prints which LLVM 22 runtime packages the .deb's Depends (a file with the
field's text) does not pin to the version installed here (layout.test)."""
import subprocess
import sys

depends = open(sys.argv[1]).read()
missing = []
for package in ("clang-tidy-22", "clangd-22", "clang-22", "libclang-cpp22",
                "libllvm22"):
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             capture_output=True, text=True).stdout
    if not version or "%s (= %s)" % (package, version) not in depends:
        missing.append(package)
print("not pinned:", " ".join(missing) or "none")
sys.exit(1 if missing else 0)
