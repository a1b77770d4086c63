"""rog_toolchain: declares one rog compiler for Bazel's toolchain resolution."""

load(":providers.bzl", "RogToolchainInfo")

TOOLCHAIN_TYPE = str(Label("//rules/bazel:toolchain_type"))

def _rog_toolchain_impl(ctx):
    info = RogToolchainInfo(
        node = ctx.executable.node,
        rog = ctx.file.rog,
        compiler = depset(ctx.files.compiler),
        runtime = ctx.file.runtime,
        go_version = ctx.attr.go_version,
    )
    return [platform_common.ToolchainInfo(rog = info)]

rog_toolchain = rule(
    implementation = _rog_toolchain_impl,
    doc = "A rog compiler: wrap it in a `toolchain()` of type " +
          "`//rules/bazel:toolchain_type` and register that. `rog_dependencies()` does " +
          "both for the rog checkout the rules come from.",
    attrs = {
        "node": attr.label(
            doc = "The node executable (Node 20 or newer).",
            mandatory = True,
            executable = True,
            allow_single_file = True,
            cfg = "exec",
        ),
        "rog": attr.label(
            doc = "rog's command, `bin/rog.js` of a built checkout.",
            mandatory = True,
            allow_single_file = [".js"],
        ),
        "compiler": attr.label_list(
            doc = "Every file rog runs: `dist/**`, `node_modules/**` and `package.json`.",
            allow_files = True,
        ),
        "runtime": attr.label(
            doc = "The Rust runtime archive `librog_runtime.a` (built with " +
                  "`-C linker-plugin-lto`), linked into every program.",
            mandatory = True,
            allow_single_file = [".a"],
        ),
        "go_version": attr.string(
            doc = "The language version (\"go1.26\") of packages whose rule names none.",
            default = "go1.26",
        ),
    },
)

def find_rog_toolchain(ctx):
    """Returns the RogToolchainInfo resolved for ctx's rule.

    Args:
      ctx: the rule context of a rule that declares the rog toolchain type.

    Returns:
      RogToolchainInfo.
    """
    return ctx.toolchains[TOOLCHAIN_TYPE].rog
