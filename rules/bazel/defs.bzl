"""The rog rules: Go built by rog as hermetic per-package actions. The one public entry.

In WORKSPACE:

    local_repository(name = "rog", path = "/path/to/rog")
    load("@rog//rules/bazel:defs.bzl", "rog_dependencies")
    rog_dependencies()

In BUILD files: rog_library, rog_binary and rog_test (attributes shaped like rules_go's).
rog_std_library and rog_std_unsupported are what the @rog_std repository's generated BUILD files
use; rog_runtime is the Rust runtime's rule (@rog//rules/bazel:runtime).
"""

load(
    "//rules/bazel/private:providers.bzl",
    _RogPackageInfo = "RogPackageInfo",
    _RogToolchainInfo = "RogToolchainInfo",
)
load(
    "//rules/bazel/private:repositories.bzl",
    _rog_dependencies = "rog_dependencies",
    _rog_std_repository = "rog_std_repository",
    _rog_toolchain_repository = "rog_toolchain_repository",
)
load(
    "//rules/bazel/private:rules.bzl",
    _rog_binary = "rog_binary",
    _rog_library = "rog_library",
    _rog_std_library = "rog_std_library",
    _rog_std_unsupported = "rog_std_unsupported",
    _rog_test = "rog_test",
)
load("//rules/bazel/private:runtime.bzl", _rog_runtime = "rog_runtime")
load("//rules/bazel/private:toolchain.bzl", _rog_toolchain = "rog_toolchain")

RogPackageInfo = _RogPackageInfo
RogToolchainInfo = _RogToolchainInfo
rog_library = _rog_library
rog_binary = _rog_binary
rog_test = _rog_test
rog_toolchain = _rog_toolchain
rog_std_library = _rog_std_library
rog_std_unsupported = _rog_std_unsupported
rog_runtime = _rog_runtime
rog_toolchain_repository = _rog_toolchain_repository
rog_std_repository = _rog_std_repository
rog_dependencies = _rog_dependencies
