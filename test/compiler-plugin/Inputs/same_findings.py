"""same_findings.py BUILD_LOG DRIVER_OUTPUT: compares the findings of a
build log (the compiler plugin) with the driver's, as sets of (file, line,
column, check), and prints 'same N findings' or the difference (exit 1)."""
import os
import re
import sys

FINDING = re.compile(r"^(\S+?):(\d+):(\d+): (?:warning|error): .* "
                     r"\[(async-[a-z-]+)[^\]]*\]$")


def findings(path):
    found = set()
    for line in open(path, errors="replace"):
        m = FINDING.match(line.rstrip("\n"))
        if m:
            found.add((os.path.realpath(m.group(1)), int(m.group(2)),
                       int(m.group(3)), m.group(4)))
    return found


build, driver = findings(sys.argv[1]), findings(sys.argv[2])
if build == driver and build:
    print("same %d findings" % len(build))
    sys.exit(0)
for f in sorted(build - driver):
    print("only in the build log:", *f)
for f in sorted(driver - build):
    print("only in the driver's output:", *f)
sys.exit(1)
