//! The rog runtime: what Go code compiled by rog calls. See ABI.md for the contract with the
//! compiler and README.md for the design.
//!
//! Map of the crate:
//! - `abi/`: every `extern "C"` entry point generated code calls, one file per area, each a thin
//!   documented wrapper over the mechanism below it.
//! - `types`: type descriptors, itabs, value layouts. `rterr`: the runtime's own error values.
//!   `iface`, `equal`: interfaces and `==`.
//! - `alloc`, `gc/`: allocation and the garbage collector.
//! - `sched/`: goroutines, workers, stacks, timers, preemption. `start`: the C `main`.
//!   `sema`: semaphores and notify lists for `sync`. `netpoll`: the epoll network poller.
//! - `print`: print builtins and diagnostics. `panic`, `panicval`, `unwind`: panics.
//!   `traceback`: the stack trace of an unrecovered panic.
//! - `signal`: SIGSEGV handling. `sys`: the C library functions the runtime uses.

pub mod abi;
pub mod alloc;
pub mod chan;
pub mod equal;
pub mod fastrand;
pub mod gc;
pub mod hash;
pub mod iface;
pub mod map;
pub mod netpoll;
pub mod panic;
pub mod panicval;
pub mod print;
pub mod rterr;
pub mod sched;
pub mod sema;
pub mod signal;
pub mod start;
pub mod symtab;
pub mod sys;
pub mod traceback;
pub mod types;
pub mod unwind;

/// Initialises the runtime once, before any Go code runs.
pub fn start_runtime(argc: i32, argv: *const *const u8) {
    abi::os::set_args(argc, argv);
    // A Rust panic inside the runtime is a runtime bug, reported like gc's throw.
    std::panic::set_hook(Box::new(|info| {
        let msg = format!("runtime bug: {info}");
        panic::fatal(&msg);
    }));
    gc::init();
    signal::init();
}
