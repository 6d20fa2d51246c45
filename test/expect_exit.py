#!/usr/bin/env python3
"""expect_exit.py N command...: runs the command, passing its output through,
and fails unless it exits with status N (a crash never matches)."""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.call(sys.argv[2:])
if status != expected:
    sys.stderr.write("expect_exit.py: '%s' exited with %d, expected %d\n" %
                     (" ".join(sys.argv[2:]), status, expected))
    sys.exit(1)
