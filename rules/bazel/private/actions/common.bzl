"""What every rog action shares: how `rog action <kind>` is invoked."""

def run_rog_action(ctx, tc, kind, args, inputs, outputs, mnemonic, progress):
    """Registers one `rog action <kind>` with its declared inputs and outputs.

    Bazel has its own action cache, so the action runs with `--no-cache`: rog's cache (and
    ThinLTO's) would sit outside the sandbox. clang-22 and ld.lld-22 are found on PATH (Debian's
    LLVM 22 packages, as for Ninja builds): rog runs them with the same flags under both.

    Args:
      ctx: the rule context.
      tc: the RogToolchainInfo.
      kind: "check", "opt", "codegen" or "link".
      args: an Args object holding the action's flags.
      inputs: depset of File the action reads, besides the toolchain.
      outputs: list of File the action writes.
      mnemonic: the action's mnemonic (RogCheck, RogOpt, RogCodegen, RogLink).
      progress: the progress message.
    """
    head = ctx.actions.args()
    head.add(tc.rog)
    head.add_all(["action", kind, "--no-cache"])
    ctx.actions.run(
        executable = tc.node,
        arguments = [head, args],
        inputs = inputs,
        tools = depset([tc.rog], transitive = [tc.compiler]),
        outputs = outputs,
        mnemonic = mnemonic,
        progress_message = progress,
    )
