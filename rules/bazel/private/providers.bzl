"""Providers of the rog rules: what a compiled Go package and a rog toolchain hand on."""

RogPackageInfo = provider(
    doc = "A compiled Go package: its action outputs and what embedding or linking needs.",
    fields = {
        "importpath": "string: the path importers spell in their imports.",
        "importmap": "string: the package's path in the build (symbols, --body, --pkg); " +
                     "differs from importpath only for std's vendored packages.",
        "go_version": "string: the language version the package was checked with (\"go1.22\").",
        "srcs": "list of File: the package's Go sources (read again by targets that embed it).",
        "deps": "list of RogPackageInfo: the direct dependencies (inherited by targets that " +
                "embed it).",
        "rogx": "File: export data, all that dependents' check reads.",
        "rogb": "File: bodies dependents' opt and codegen read.",
        "bc": "File: ThinLTO bitcode for the link.",
        "transitive": "depset of struct(importmap, rogx, rogb, esc, bc): this package and every " +
                      "dependency, dependencies first (postorder): the link and init order.",
        "runfiles": "runfiles: the data files of this package and its dependencies.",
    },
)

RogToolchainInfo = provider(
    doc = "The rog compiler and what its actions need: node, rog's compiled code, the Rust " +
          "runtime archive (clang-22 comes from PATH).",
    fields = {
        "node": "File: the node executable that runs rog.",
        "rog": "File: bin/rog.js, the rog command.",
        "compiler": "depset of File: rog's compiled code and npm packages (every action's tool).",
        "runtime": "File: the Rust runtime archive (built with -C linker-plugin-lto).",
        "go_version": "string: the language version of packages that do not name one.",
    },
)
