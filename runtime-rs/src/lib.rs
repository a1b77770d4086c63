//! The rog runtime: what Go code compiled by rog calls. See ABI.md for the contract with the
//! compiler and README.md for the design.
//!
//! Map of the crate:
//! - `abi/`: every `extern "C"` entry point generated code calls, one file per area, each a thin
//!   documented wrapper over the mechanism below it.
//! - `types`: type descriptors, itabs, value layouts. `rterr`: the runtime's own error values.
//! - `alloc`: the allocator. `print`: print builtins and diagnostics. `panic`, `panicval`: panics.
//! - `sched/`: goroutines, workers, stacks. `start`: the C `main`.
//! - `sys`: the C library functions the runtime uses.

pub mod abi;
pub mod alloc;
pub mod equal;
pub mod iface;
pub mod panic;
pub mod panicval;
pub mod print;
pub mod rterr;
pub mod sched;
pub mod start;
pub mod sys;
pub mod types;

/// Initialises the runtime once, before any Go code runs.
pub fn start_runtime(_argc: i32, _argv: *const *const u8) {}
