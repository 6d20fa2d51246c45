#!/usr/bin/env python3
"""The optional prerequisites of the tests: each lit feature that a test
REQUIRES and a machine may lack, with the Debian packages that provide it.

lit.cfg.py reads FEATURES. `utils/bootstrap.sh test` installs every one of
these packages and runs the suites with ASYNC_LINT_REQUIRE_ALL=1, under
which a test that needs a missing feature fails instead of being reported
unsupported (lit counts an unsupported test as passed, so nobody would see
that it did not run).

    prerequisites.py <source root>

checks that the table, utils/bootstrap.sh and the tests agree: every
package that bootstrap.sh installs only for its test mode provides a
feature here, every package here is one bootstrap.sh installs, and every
feature here is required by some test (a REQUIRES line, or a lit.local.cfg
that names it). Prints each problem and exits 1 if there is any.
"""

import os
import re
import sys

# feature: (packages, what else to do once they are installed)
FEATURES = {
    # Found by CMake at configure time (tools/CMakeLists.txt).
    "libfuzzer": (["libclang-rt-22-dev"], "configure the build again"),
    "compiler-plugin": (["libclang-22-dev"], "configure the build again"),
    # Found on the PATH when the tests run (lit.cfg.py).
    "chromium": (["chromium"], ""),
    "man": (["man-db"], ""),
    "cpack": (["dpkg-dev"], ""),
    "bazel": (["bazel-bootstrap", "bazel-platforms"], ""),
    "other-clang-tidy": (["clang-tidy-14"], ""),
    "older-clang": (["clang-14"], ""),
    "ccache": (["ccache"], ""),
}
# Not here: dpkg-install, which needs root and a machine where no async-lint
# package is installed, so that the test never replaces a user's own.


def describe(feature):
    """How to get a feature, for a failing test's message."""
    packages, then = FEATURES[feature]
    text = "install " + " ".join(packages)
    return text + ", then " + then if then else text


def bootstrap_packages(script):
    """The packages bootstrap.sh installs in every mode, and those it
    installs only for its test mode."""
    with open(script, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"#[^\n]*", "", text)
    every = re.search(r"^packages=\(([^)]*)\)", text, re.M)
    test = re.search(r'"\$mode" = test \] && packages\+=\(([^)]*)\)', text)
    if not every or not test:
        return None, None
    return set(every.group(1).split()), set(test.group(1).split())


def required_features(test_root):
    """The features some test needs: REQUIRES lines and lit.local.cfg
    files that mention them."""
    found = set()
    for folder, _, files in os.walk(test_root):
        for name in files:
            path = os.path.join(folder, name)
            if name == "lit.local.cfg":
                with open(path, encoding="utf-8") as f:
                    words = set(re.findall(r"[\w-]+", f.read()))
            elif name.endswith((".test", ".cpp")):
                with open(path, encoding="utf-8", errors="replace") as f:
                    lines = re.findall(r"REQUIRES:(.*)", f.read())
                words = set(re.findall(r"[\w-]+", " ".join(lines)))
            else:
                continue
            found |= words & set(FEATURES)
    return found


def main(argv):
    if len(argv) != 2:
        print("usage: prerequisites.py <source root>", file=sys.stderr)
        return 2
    root = argv[1]
    every, test_only = bootstrap_packages(
        os.path.join(root, "utils", "bootstrap.sh"))
    if every is None:
        print("prerequisites: cannot find the package lists in "
              "utils/bootstrap.sh", file=sys.stderr)
        return 2
    problems = []
    provided = {p for packages, _ in FEATURES.values() for p in packages}
    for package in sorted(test_only - provided):
        problems.append(f"bootstrap.sh installs {package} for its test mode, "
                        "but no feature in test/prerequisites.py needs it")
    for package in sorted(provided - every - test_only):
        problems.append(f"test/prerequisites.py names {package}, which "
                        "bootstrap.sh does not install")
    used = required_features(os.path.join(root, "test"))
    for feature in sorted(set(FEATURES) - used):
        problems.append(f"no test requires the feature {feature}")
    for problem in problems:
        print("prerequisites: " + problem)
    if not problems:
        print(f"prerequisites: {len(FEATURES)} features, "
              f"{len(provided)} packages, all required by tests")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
