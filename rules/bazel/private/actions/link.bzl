"""emit_link: links a main package and its dependencies with the Rust runtime."""

load(":common.bzl", "run_rog_action")

def _pkg_flag(pkg):
    return "%s=%s" % (pkg.importmap, pkg.bc.path)

def emit_link(ctx, tc, pkg, out):
    """Declares the link of a program.

    Args:
      ctx: the rule context.
      tc: the RogToolchainInfo.
      pkg: the RogPackageInfo of the main package.
      out: the executable File to write.
    """

    # Postorder puts every package after its dependencies and the main package last: the
    # bitcode order and the order package initialisers run in.
    pkgs = pkg.transitive.to_list()
    args = ctx.actions.args()
    args.add("--out", out)
    args.add_all(pkgs, map_each = _pkg_flag, before_each = "--pkg")
    args.add("--runtime", tc.runtime)
    run_rog_action(
        ctx,
        tc,
        "link",
        args,
        depset([p.bc for p in pkgs] + [tc.runtime]),
        [out],
        "RogLink",
        "Linking Go program %s (%s)" % (pkg.importmap, ctx.label),
    )
