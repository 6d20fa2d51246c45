# The async-lint binary as a repository, for the aspect's default tool label.
"""Repository rule that makes an installed async-lint a Bazel input."""

def _async_lint_binary_impl(rctx):
    path = rctx.attr.path or rctx.os.environ.get("ASYNC_LINT", "")
    if not path:
        found = rctx.which("async-lint")
        if not found:
            fail("async-lint is not on PATH: install it, set ASYNC_LINT " +
                 "to its path, or give async_lint_dependencies(path = ...)")
        path = str(found)
    if not rctx.path(path).exists:
        fail("async-lint not found at '%s'" % path)

    # A symlink, not a copy: the action's input digest is the binary's.
    rctx.symlink(path, "async-lint")
    rctx.file("WORKSPACE", 'workspace(name = "%s")\n' % rctx.name)
    rctx.file("BUILD", 'exports_files(["async-lint"])\n')

_async_lint_binary = repository_rule(
    implementation = _async_lint_binary_impl,
    attrs = {"path": attr.string()},
    environ = ["ASYNC_LINT", "PATH"],
    local = True,
)

def async_lint_dependencies(path = ""):
    """Declares @async_lint_binary, the async-lint that the aspect runs.

    Args:
      path: the async-lint binary; default: $ASYNC_LINT, else the one on PATH.
    """
    _async_lint_binary(name = "async_lint_binary", path = path)
