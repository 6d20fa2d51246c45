#!/usr/bin/env python3
"""Checks the YAML of the files `async-lint init` wrote (init.test)."""
import sys

import yaml

project, build = sys.argv[1], sys.argv[2]


def load(name):
    with open(f"{project}/{name}") as f:
        return yaml.safe_load(f)


tidy = load(".clang-tidy")
assert tidy["Checks"] == "-*,async-*", tidy
clangd = load(".clangd")
assert clangd["CompileFlags"]["CompilationDatabase"] == build, clangd
assert clangd["Diagnostics"]["ClangTidy"] == {
    "Add": ["async-*"], "FastCheckFilter": "Loose"}, clangd
hook = load(".pre-commit-config.yaml")["repos"][0]
assert hook["repo"] == "local", hook
assert hook["hooks"][0]["entry"] == f"async-lint -p {build}", hook
workflow = load(".github/workflows/async-lint.yml")
steps = workflow["jobs"]["async-lint"]["steps"]
runs = "\n".join(step.get("run", "") for step in steps)
assert f"async-lint -p {build} --format=sarif --output=async-lint.sarif" in runs
assert "${{ vars.ASYNC_LINT_DEB_URL }}" in runs, runs
upload = [s for s in steps if "upload-sarif" in s.get("uses", "")]
assert upload and upload[0]["with"]["sarif_file"] == "async-lint.sarif"
print("init files: ok")
