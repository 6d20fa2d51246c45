# -*- Python -*-
# lit configuration for async-lint. Paths come from lit.site.cfg.py, which
# CMake writes into the build directory.
import os

import lit.formats

# The build's paths: ctest passes the site configuration CMake wrote.
site_config = lit_config.params.get("async_lint_site_config")
if not site_config:
    lit_config.fatal("pass --param async_lint_site_config="
                     "<build>/test/lit.site.cfg.py (ctest does)")
lit_config.load_config(config, site_config)

config.name = "async-lint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.async_lint_build_dir, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
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
    "--inputs", inputs,
])
config.substitutions.append(("%check_async_lint", check))
config.substitutions.append(
    ("%expect_exit", config.python_executable + " " +
     os.path.join(src, "test", "expect_exit.py")))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%async_lint_clangd", config.async_lint_clangd))
config.substitutions.append(("%async_lint", config.async_lint))
config.substitutions.append(("%plugin", config.async_lint_plugin))
config.substitutions.append(("%stock_clangd", config.stock_clangd))
config.substitutions.append(("%fake_llvm21", config.fake_llvm21))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%src_root", src))
config.substitutions.append(("%boost_examples", config.boost_examples))
