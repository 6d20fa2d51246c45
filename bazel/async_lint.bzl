# The async-lint aspect: one cacheable action per C++ source file.
"""Runs async-lint on the C++ sources of cc_library, cc_binary and cc_test.

    bazel build //... --aspects=@async_lint//:async_lint.bzl%async_lint \\
        --output_groups=async_lint

Each source file of a target is linted by one action, with the target's
compiler arguments (the C++ toolchain's, --copt/--cxxopt, the rule's copts,
the defines and include paths of its dependencies) and its headers as inputs;
the action's outputs are the findings as JSON and as text. The aspect follows
`deps`, so a target's dependencies in the main repository are linted too.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "CPP_COMPILE_ACTION_NAME")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

_CPP_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C"]
_RULE_KINDS = ["cc_library", "cc_binary", "cc_test"]

# Flags of GCC toolchains that Clang rejects (Bazel's auto-configured Linux
# toolchain adds the first when the compiler is GCC).
_GCC_ONLY_FLAGS = ["-fno-canonical-system-headers", "-fstack-usage"]

AsyncLintSettingInfo = provider(
    doc = "The value of an async-lint build setting.",
    fields = ["value"],
)

def _bool_flag_impl(ctx):
    return [AsyncLintSettingInfo(value = ctx.build_setting_value)]

async_lint_bool_flag = rule(
    implementation = _bool_flag_impl,
    build_setting = config.bool(flag = True),
)

def _split_copt(copt):
    # Bazel tokenizes copts like a shell; quoted copts are kept whole here.
    if '"' in copt or "'" in copt:
        return [copt]
    return [token for token in copt.split(" ") if token]

def _rule_copts(ctx):
    copts = []
    for copt in getattr(ctx.rule.attr, "copts", []):
        copts.extend(_split_copt(copt))
    return copts

def _local_defines(ctx, compilation_context):
    if hasattr(compilation_context, "local_defines"):
        return compilation_context.local_defines.to_list()
    return getattr(ctx.rule.attr, "local_defines", [])

def _compiler_arguments(ctx, target, cc_toolchain):
    """The arguments of a C++ compile of one of the target's sources."""
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    compilation = target[CcInfo].compilation_context
    defines = compilation.defines.to_list() + _local_defines(ctx, compilation)
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = ctx.fragments.cpp.copts +
                             ctx.fragments.cpp.cxxopts + _rule_copts(ctx),
        include_directories = compilation.includes,
        quote_include_directories = compilation.quote_includes,
        system_include_directories = compilation.system_includes,
        framework_include_directories = compilation.framework_includes,
        preprocessor_defines = depset(defines),
    )
    arguments = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = CPP_COMPILE_ACTION_NAME,
        variables = variables,
    )
    return [flag for flag in arguments if flag not in _GCC_ONLY_FLAGS]

def _output(ctx, source, extension):
    relative = source.short_path
    package = ctx.label.package + "/"
    if relative.startswith(package):
        relative = relative[len(package):]
    name = "%s.async_lint/%s.%s" % (ctx.label.name, relative.replace("../", "__/"), extension)
    return ctx.actions.declare_file(name)

def _lint(ctx, source, arguments, inputs, dep_summaries):
    """Lints one source, reading its dependencies' summaries.

    Returns the findings (JSON, text) and the unit's own summary, which the
    targets depending on this one read (docs/summaries.md, "Bazel").
    """
    json = _output(ctx, source, "json")
    text = _output(ctx, source, "txt")
    summary = _output(ctx, source, "summary")
    args = ctx.actions.args()
    args.add(ctx.file._wrapper)
    args.add(ctx.executable._binary)
    args.add(ctx.file._config)
    args.add_all([json, text, summary, source])
    args.add_all(dep_summaries)
    args.add("--")
    args.add_all(arguments)
    ctx.actions.run(
        executable = "/bin/sh",
        arguments = [args],
        inputs = depset(
            [source, ctx.file._wrapper, ctx.file._config],
            transitive = inputs + [dep_summaries],
        ),
        tools = [ctx.attr._binary[DefaultInfo].files_to_run],
        outputs = [json, text, summary],
        mnemonic = "AsyncLint",
        progress_message = "Linting %s with async-lint" % source.short_path,
        # A fixed PATH for the wrapper's sed, so that the cache key does not
        # depend on the user's environment.
        env = {"PATH": "/bin:/usr/bin"},
    )
    return [json, text, summary]

def _fail_on_findings(ctx, source, text):
    """An action that fails when the findings file of a source is not empty.

    Apart from the linting, so that the linting's cache entries serve both
    modes and a file with findings is not analysed again on every build.
    """
    stamp = _output(ctx, source, "ok")
    ctx.actions.run(
        executable = "/bin/sh",
        arguments = [
            "-c",
            'if [ -s "$1" ]; then cat "$1" >&2; exit 1; fi; : >"$2"',
            "async-lint-findings",
            text.path,
            stamp.path,
        ],
        inputs = [text],
        outputs = [stamp],
        mnemonic = "AsyncLintFindings",
        progress_message = "Checking the async-lint findings of %s" % source.short_path,
        env = {"PATH": "/bin:/usr/bin"},
    )
    return stamp

def _sources(ctx):
    if ctx.rule.kind not in _RULE_KINDS:
        return []
    return [
        source
        for source in getattr(ctx.rule.files, "srcs", [])
        if source.is_source and source.extension in _CPP_EXTENSIONS
    ]

AsyncLintSummariesInfo = provider(
    doc = "The summaries of a target's units and of its dependencies' units.",
    fields = ["summaries"],
)

def _async_lint_impl(target, ctx):
    deps = getattr(ctx.rule.attr, "deps", [])
    transitive = [
        dep[OutputGroupInfo].async_lint
        for dep in deps
        if OutputGroupInfo in dep and hasattr(dep[OutputGroupInfo], "async_lint")
    ]

    # Bottom-up: every action of this target reads the summaries of the
    # units of the targets it depends on, directly or not.
    dep_summaries = depset(transitive = [
        dep[AsyncLintSummariesInfo].summaries
        for dep in deps
        if AsyncLintSummariesInfo in dep
    ])
    summaries = []

    # The main repository only: external repositories are other people's code.
    sources = [] if ctx.label.workspace_root else _sources(ctx)
    outputs = []
    if sources and CcInfo in target:
        cc_toolchain = find_cpp_toolchain(ctx)
        arguments = _compiler_arguments(ctx, target, cc_toolchain)
        inputs = [target[CcInfo].compilation_context.headers, cc_toolchain.all_files]
        fail = ctx.attr._fail_on_findings[AsyncLintSettingInfo].value
        for source in sources:
            json, text, summary = _lint(ctx, source, arguments, inputs, dep_summaries)
            outputs += [json, text]
            summaries.append(summary)
            if fail:
                outputs.append(_fail_on_findings(ctx, source, text))
    return [
        OutputGroupInfo(async_lint = depset(outputs, transitive = transitive)),
        AsyncLintSummariesInfo(summaries = depset(summaries, transitive = [dep_summaries])),
    ]

async_lint = aspect(
    implementation = _async_lint_impl,
    attr_aspects = ["deps"],
    fragments = ["cpp"],
    attrs = {
        "_binary": attr.label(
            default = Label("//:binary"),
            executable = True,
            cfg = "exec",
            allow_files = True,
        ),
        "_config": attr.label(default = Label("//:config"), allow_single_file = True),
        "_fail_on_findings": attr.label(default = Label("//:fail_on_findings")),
        "_wrapper": attr.label(default = Label("//:run_async_lint.sh"), allow_single_file = True),
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
    },
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)
