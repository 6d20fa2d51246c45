#!/usr/bin/env python3
"""Drives pre-commit in a temporary git repository for pre-commit.test."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def run(cmd, cwd, env, check=True):
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if check and proc.returncode != 0:
        sys.exit("%s failed:\n%s" % (" ".join(cmd), proc.stdout))
    return proc


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--hooks-repo", required=True)
    p.add_argument("--async-lint-dir", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--work", required=True)
    args = p.parse_args()

    env = dict(os.environ)
    env["PATH"] = args.async_lint_dir + os.pathsep + env["PATH"]
    env["HOME"] = os.path.join(args.work, "home")
    env["PRE_COMMIT_HOME"] = os.path.join(args.work, "home", "pre-commit")
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(key, None)
    # Outside the build tree, whose compile_commands.json would be found.
    repo = tempfile.mkdtemp(prefix="async-lint-pre-commit-")
    try:
        exercise(args, env, repo)
    finally:
        shutil.rmtree(repo, ignore_errors=True)


def exercise(args, env, repo):
    rev = run(["git", "rev-parse", "HEAD"], args.hooks_repo, env).stdout.strip()

    run(["git", "init", "-q"], repo, env)
    run(["git", "config", "user.email", "ci@example.invalid"], repo, env)
    run(["git", "config", "user.name", "CI"], repo, env)
    with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
        f.write("repos:\n"
                "  - repo: %s\n"
                "    rev: %s\n"
                "    hooks:\n"
                "      - id: async-lint\n"
                "        args: [--extra-arg=-nostdinc, --extra-arg=-isystem%s]\n"
                % (args.hooks_repo, rev, args.inputs))
    run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    run(["git", "commit", "-q", "--no-verify", "-m", "config"], repo, env)
    run(["pre-commit", "install"], repo, env)

    source = os.path.join(repo, "poll.cpp")
    with open(source, "w") as f:
        f.write('#include <thread>\n#include "task.h"\n'
                "demo::task<> poll() {\n"
                "  std::this_thread::sleep_for(std::chrono::milliseconds(5));\n"
                "  co_return;\n}\n")
    run(["git", "add", "poll.cpp"], repo, env)
    bad = run(["git", "commit", "-m", "poll"], repo, env, check=False)
    print("commit with the pitfall: %s" %
          ("rejected" if bad.returncode != 0 else "ACCEPTED"))
    print(bad.stdout)

    with open(source, "w") as f:
        f.write('#include "task.h"\n'
                "demo::task<> poll() {\n  co_return;\n}\n")
    run(["git", "add", "poll.cpp"], repo, env)
    good = run(["git", "commit", "-m", "poll"], repo, env, check=False)
    print("commit of the fixed file: %s" %
          ("accepted" if good.returncode == 0 else "REJECTED"))
    print(good.stdout)
    log = run(["git", "log", "--oneline"], repo, env).stdout
    print("log:\n" + log)


if __name__ == "__main__":
    main()
