#!/usr/bin/env python3
"""Prints the options `async-lint --help` lists that the manual page (rendered
by man) does not describe (man-page.test)."""
import re
import sys

help_text, man_text = (open(path).read() for path in sys.argv[1:3])
options = set(re.findall(r"^  (--?[a-z][a-z-]*)", help_text, re.M))
options -= {"--help-list"}
# man renders hyphens as U+2010 in some locales; compare on plain ASCII.
man_text = man_text.replace("\u2010", "-").replace("\u2212", "-")
missing = sorted(o for o in options
                 if not re.search(re.escape(o) + r"(?![a-z-])", man_text))
print("options:", len(options), "missing:", " ".join(missing) or "none")
sys.exit(1 if missing or len(options) < 20 else 0)
