"""The rog rules: Go built by rog as hermetic per-package actions. The one public entry.

In WORKSPACE:

    local_repository(name = "rog", path = "/path/to/rog")
    load("@rog//rules/bazel:defs.bzl", "rog_dependencies")
    rog_dependencies()

In BUILD files: rog_library, rog_binary and rog_test (attributes shaped like rules_go's).
"""

load(
    "//rules/bazel/private:providers.bzl",
    _RogPackageInfo = "RogPackageInfo",
    _RogToolchainInfo = "RogToolchainInfo",
)
load(
    "//rules/bazel/private:repositories.bzl",
    _rog_dependencies = "rog_dependencies",
    _rog_toolchain_repository = "rog_toolchain_repository",
)
load(
    "//rules/bazel/private:rules.bzl",
    _rog_binary = "rog_binary",
    _rog_library = "rog_library",
    _rog_test = "rog_test",
)
load("//rules/bazel/private:toolchain.bzl", _rog_toolchain = "rog_toolchain")

RogPackageInfo = _RogPackageInfo
RogToolchainInfo = _RogToolchainInfo
rog_library = _rog_library
rog_binary = _rog_binary
rog_test = _rog_test
rog_toolchain = _rog_toolchain
rog_toolchain_repository = _rog_toolchain_repository
rog_dependencies = _rog_dependencies
