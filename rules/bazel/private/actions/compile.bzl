"""emit_compile: a package's check, opt and codegen actions (DESIGN.md §1)."""

load("//rules/bazel/private:providers.bzl", "RogPackageInfo")
load(":common.bzl", "run_rog_action")

def _import_flag(dep):
    return "%s=%s" % (dep.importpath, dep.rogx.path)

def _body_flag(dep):
    return "%s=%s" % (dep.importpath, dep.rogb.path)

def _by_importpath(info):
    return info.importpath

def emit_compile(ctx, tc, importpath, go_version, srcs, deps, runfiles):
    """Declares the three actions that compile one package and returns its RogPackageInfo.

    Args:
      ctx: the rule context; outputs are named after ctx.label.name.
      tc: the RogToolchainInfo.
      importpath: the package's import path.
      go_version: the language version ("go1.22").
      srcs: list of File, the package's Go sources.
      deps: list of RogPackageInfo, the direct dependencies.
      runfiles: the runfiles of the package's data and its dependencies.

    Returns:
      RogPackageInfo.
    """

    # Dependencies in import-path order, as the loader visits them: the postorder of the
    # transitive depset below is then the order `rog build` links in.
    deps = sorted(deps, key = _by_importpath)
    name = ctx.label.name
    rogx = ctx.actions.declare_file(name + ".rogx")
    rogb = ctx.actions.declare_file(name + ".rogb")
    mir = ctx.actions.declare_file(name + ".mir")
    opt_mir = ctx.actions.declare_file(name + ".opt.mir")
    bc = ctx.actions.declare_file(name + ".bc")
    below = depset(order = "postorder", transitive = [d.transitive for d in deps])
    what = "Go package %s (%s)" % (importpath, ctx.label)

    check = ctx.actions.args()
    check.add("--importpath", importpath)
    check.add("--go", go_version)
    check.add_all(srcs, before_each = "--src")
    check.add_all(deps, map_each = _import_flag, before_each = "--import")
    check.add("--rogx", rogx)
    check.add("--rogb", rogb)
    check.add("--mir", mir)
    run_rog_action(
        ctx,
        tc,
        "check",
        check,
        depset(srcs + [d.rogx for d in deps]),
        [rogx, rogb, mir],
        "RogCheck",
        "Checking " + what,
    )

    bodies = depset([d.rogb for d in below.to_list()])
    for kind, src, out, mnemonic, verb in [
        ("opt", mir, opt_mir, "RogOpt", "Optimising "),
        ("codegen", opt_mir, bc, "RogCodegen", "Generating code for "),
    ]:
        args = ctx.actions.args()
        args.add("--importpath", importpath)
        args.add("--mir", src)
        args.add_all(below, map_each = _body_flag, before_each = "--body")
        args.add("--out", out)
        inputs = depset([src], transitive = [bodies])
        run_rog_action(ctx, tc, kind, args, inputs, [out], mnemonic, verb + what)

    this = struct(importpath = importpath, rogx = rogx, rogb = rogb, bc = bc)
    return RogPackageInfo(
        importpath = importpath,
        go_version = go_version,
        srcs = srcs,
        deps = deps,
        rogx = rogx,
        rogb = rogb,
        bc = bc,
        transitive = depset([this], order = "postorder", transitive = [d.transitive for d in deps]),
        runfiles = runfiles,
    )
