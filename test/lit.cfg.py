# -*- Python -*-
# lit configuration for async-lint. Paths come from lit.site.cfg.py, which
# CMake writes into the build directory.
import os
import shutil
import subprocess
import sys

import lit.formats

sys.path.insert(0, os.path.dirname(__file__))
from require_all import RequireAll  # noqa: E402

# The build's paths: ctest passes the site configuration CMake wrote.
site_config = lit_config.params.get("async_lint_site_config")
if not site_config:
    lit_config.fatal("pass --param async_lint_site_config="
                     "<build>/test/lit.site.cfg.py (ctest does)")
lit_config.load_config(config, site_config)

config.name = "async-lint"

# `utils/bootstrap.sh test` installs every optional prerequisite
# (test/prerequisites.py) and sets ASYNC_LINT_REQUIRE_ALL=1 (or pass
# --param async_lint_require_all=1): a test that would be unsupported for
# want of one fails instead.
require_all = lit_config.params.get(
    "async_lint_require_all", os.environ.get("ASYNC_LINT_REQUIRE_ALL", ""))
if require_all not in ("", "0"):
    config.test_format = RequireAll(execute_external=True)
else:
    config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.async_lint_build_dir, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# A measurement of every checker test in other modes (check_async_lint.py).
if os.environ.get("ASYNC_LINT_TEST_MODES"):
    config.environment["ASYNC_LINT_TEST_MODES"] = \
        os.environ["ASYNC_LINT_TEST_MODES"]

# Findings are compared as text: no colours, whatever the terminal.
config.environment.pop("CLICOLOR_FORCE", None)

src = config.async_lint_source_dir
inputs = os.path.join(src, "test", "checkers", "Inputs")
check = " ".join([
    config.python_executable,
    os.path.join(src, "test", "check_async_lint.py"),
    "--clang-tidy", config.clang_tidy,
    "--plugin", config.async_lint_plugin,
    "--async-lint", config.async_lint,
    "--filecheck", os.path.join(config.llvm_tools_dir, "FileCheck"),
    "--clang", os.path.join(config.llvm_tools_dir, "clang++"),
    "--inputs", inputs,
    "--async-lint-clangd", config.async_lint_clangd,
    "--lsp-client", os.path.join(src, "test", "lsp", "lsp_client.py"),
])
# Longest names first, so that %async_lint does not eat %async_lint_clangd.
substitutions = {
    "%check_async_lint": check,
    "%expect_exit": config.python_executable + " " +
    os.path.join(src, "test", "expect_exit.py"),
    "%clang_tidy": config.clang_tidy,
    "%async_lint_clangd": config.async_lint_clangd,
    "%async_lint_build": config.async_lint_build_dir,
    "%async_lint": config.async_lint,
    "%plugin": config.async_lint_plugin,
    "%stock_clangd": config.stock_clangd,
    "%fake_llvm21": config.fake_llvm21,
    "%python": config.python_executable,
    "%lit": os.path.join(config.llvm_tools_dir, "lit"),
    "%clangxx": os.path.join(config.llvm_tools_dir, "clang++"),
    "%clang_format": os.path.join(config.llvm_tools_dir, "clang-format"),
    "%inputs": inputs,
    "%src_root": src,
    "%boost_examples": config.boost_examples,
}
for name in sorted(substitutions, key=len, reverse=True):
    config.substitutions.append((name, substitutions[name]))

# The libFuzzer harness, when the compiler has libFuzzer.
if config.async_lint_fuzzer:
    config.available_features.add("libfuzzer")
    config.substitutions.append(("%fuzzer", config.async_lint_fuzzer))

# The compiler plugin, when clang-tidy's archives were there to build it.
if config.compiler_plugin:
    config.available_features.add("compiler-plugin")
    config.substitutions.append(("%compiler_plugin", config.compiler_plugin))


def other_llvm_tool(names, feature, substitution):
    """Another LLVM's tool, when the machine has one (Debian 12 ships 14),
    as a lit feature and a substitution."""
    for name in names:
        path = os.path.join("/usr/bin", name)
        if os.path.exists(path):
            config.available_features.add(feature)
            config.substitutions.append((substitution, path))
            return


# The plugins must refuse to load into another LLVM's clang-tidy and clang.
other_llvm_tool(("clang-tidy-14", "clang-tidy-15", "clang-tidy-16"),
                "other-clang-tidy", "%other_clang_tidy")
other_llvm_tool(("clang++-14", "clang++-15", "clang++-16"),
                "older-clang", "%older_clang")

# The Debian package: made with CPack (which needs dpkg-shlibdeps) and
# unpacked (cpack); installed for real only as root where no async-lint
# package is installed already, so that the test never replaces or removes a
# user's own (dpkg-install).
if all(shutil.which(tool) for tool in ("cpack", "dpkg-deb", "dpkg-shlibdeps")):
    config.available_features.add("cpack")
    installed = subprocess.run(["dpkg-query", "-W", "-f=${Status}",
                                "async-lint"], capture_output=True, text=True)
    if os.geteuid() == 0 and not installed.stdout.endswith(" installed"):
        config.available_features.add("dpkg-install")

# Debian's bazel-bootstrap and bazel-platforms, for the Bazel aspect's test.
if os.path.exists("/usr/bin/bazel") and os.path.isdir(
        "/usr/share/bazel/tools/platforms"):
    config.available_features.add("bazel")

# ccache, for the compiler plugin's cache test.
if shutil.which("ccache"):
    config.available_features.add("ccache")

# Headless Chromium renders the HTML report; man renders the manual page.
if shutil.which("chromium"):
    config.available_features.add("chromium")
    config.substitutions.append(("%chromium", shutil.which("chromium")))
if shutil.which("man"):
    config.available_features.add("man")
