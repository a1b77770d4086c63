"""rog_runtime: the Rust runtime archive, built by cargo from declared sources."""

def _rog_runtime_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + "/librog_runtime.a")

    # cargo's target directory and home live next to the output: writable inside the sandbox,
    # thrown away with it (and removed by the script's next run without one).
    scratch = out.dirname + "/cargo"
    ctx.actions.run(
        executable = ctx.executable._build,
        arguments = [
            ctx.file.manifest.path,
            scratch,
            out.path,
            ctx.executable.cargo.path,
            ctx.executable.rustc.path,
        ],
        inputs = ctx.files.srcs + [ctx.file.manifest, ctx.file.lockfile],
        tools = [ctx.executable.cargo, ctx.executable.rustc],
        outputs = [out],
        mnemonic = "RogRuntime",
        progress_message = "Building the Rust runtime with cargo (%s)" % ctx.label,
    )
    return [DefaultInfo(files = depset([out]))]

rog_runtime = rule(
    implementation = _rog_runtime_impl,
    doc = "The Rust runtime archive every rog program links, built by cargo with " +
          "-C linker-plugin-lto, offline, exactly as toolchains/setup.sh builds it " +
          "(toolchains/build-runtime.sh), so the two archives are byte-identical.",
    attrs = {
        "srcs": attr.label_list(
            doc = "The crate's sources (src/**).",
            allow_files = True,
        ),
        "manifest": attr.label(
            doc = "Cargo.toml; the crate is the directory holding it.",
            mandatory = True,
            allow_single_file = ["Cargo.toml"],
        ),
        "lockfile": attr.label(
            doc = "Cargo.lock (the build is --locked).",
            mandatory = True,
            allow_single_file = ["Cargo.lock"],
        ),
        "cargo": attr.label(
            doc = "The cargo executable (not rustup's proxy).",
            mandatory = True,
            executable = True,
            allow_single_file = True,
            cfg = "exec",
        ),
        "rustc": attr.label(
            doc = "The rustc executable cargo runs (its LLVM major must be clang-22's).",
            mandatory = True,
            executable = True,
            allow_single_file = True,
            cfg = "exec",
        ),
        "_build": attr.label(
            default = Label("//toolchains:build-runtime.sh"),
            executable = True,
            allow_single_file = True,
            cfg = "exec",
        ),
    },
)
