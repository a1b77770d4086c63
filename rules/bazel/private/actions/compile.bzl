"""emit_compile: a package's check, opt and codegen actions (DESIGN.md §1)."""

load("//rules/bazel/private:providers.bzl", "RogPackageInfo")
load(":common.bzl", "run_rog_action")

def _import_flag(dep):
    return "%s=%s" % (dep.importpath, dep.rogx.path)

def _body_flag(dep):
    return "%s=%s" % (dep.importmap, dep.rogb.path)

def _export_flag(dep):
    return "%s=%s" % (dep.importmap, dep.rogx.path)

def _summary_flag(dep):
    return "%s=%s" % (dep.importmap, dep.esc.path)

def _by_importmap(info):
    return info.importmap

def emit_compile(ctx, tc, importpath, importmap, go_version, std, srcs, deps, runfiles):
    """Declares the three actions that compile one package and returns its RogPackageInfo.

    Args:
      ctx: the rule context; outputs are named after ctx.label.name.
      tc: the RogToolchainInfo.
      importpath: the path importers spell.
      importmap: the package's path in the build (importpath but for std's vendored packages).
      go_version: the language version ("go1.22").
      std: whether the package is part of the standard library (check's --std).
      srcs: list of File, the package's Go sources.
      deps: list of RogPackageInfo, the direct dependencies.
      runfiles: the runfiles of the package's data and its dependencies.

    Returns:
      RogPackageInfo.
    """

    # Dependencies in import-path order, as the loader visits them: the postorder of the
    # transitive depset below is then the order `rog build` links in.
    deps = sorted(deps, key = _by_importmap)
    name = ctx.label.name
    rogx = ctx.actions.declare_file(name + ".rogx")
    rogb = ctx.actions.declare_file(name + ".rogb")
    mir = ctx.actions.declare_file(name + ".mir")
    opt_mir = ctx.actions.declare_file(name + ".opt.mir")
    esc = ctx.actions.declare_file(name + ".esc")
    bc = ctx.actions.declare_file(name + ".bc")
    below = depset(order = "postorder", transitive = [d.transitive for d in deps])
    what = "Go package %s (%s)" % (importmap, ctx.label)

    check = ctx.actions.args()
    check.add("--importpath", importmap)
    check.add("--go", go_version)
    if std:
        check.add("--std")
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

    # opt and codegen read every transitive dependency's bodies (an inlined body may reach
    # further down); opt also reads their export data, against which it checks the source of a
    # dependency's generic code it instantiates, and their escape summaries, which say what a
    # call lets its arguments' pointers do (graph.ts does the same for Ninja).
    below_list = below.to_list()
    bodies = [d.rogb for d in below_list]
    exports = [d.rogx for d in below_list]
    summaries = [d.esc for d in below_list]
    for kind, src, outs, mnemonic, verb, is_opt in [
        ("opt", mir, [opt_mir, esc], "RogOpt", "Optimising ", True),
        ("codegen", opt_mir, [bc], "RogCodegen", "Generating code for ", False),
    ]:
        args = ctx.actions.args()
        args.add("--importpath", importmap)
        args.add("--mir", src)
        args.add_all(below, map_each = _body_flag, before_each = "--body")
        if is_opt:
            args.add_all(below, map_each = _export_flag, before_each = "--import")
            args.add_all(below, map_each = _summary_flag, before_each = "--summary")
        args.add("--out", outs[0])
        if is_opt:
            args.add("--esc", esc)
        inputs = depset([src] + bodies + (exports + summaries if is_opt else []))
        run_rog_action(ctx, tc, kind, args, inputs, outs, mnemonic, verb + what)

    this = struct(importmap = importmap, rogx = rogx, rogb = rogb, esc = esc, bc = bc)
    return RogPackageInfo(
        importpath = importpath,
        importmap = importmap,
        go_version = go_version,
        srcs = srcs,
        deps = deps,
        rogx = rogx,
        rogb = rogb,
        bc = bc,
        transitive = depset([this], order = "postorder", transitive = [d.transitive for d in deps]),
        runfiles = runfiles,
    )
