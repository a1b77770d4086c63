//! Program start: the C `main` (ABI.md §4).
//!
//! `main` is defined in assembly as a weak symbol so that the crate's own test binaries (which
//! have their own `main`) still link; in a Go program nothing else defines it. The runtime also
//! gives `__rog_program_main` a weak stand-in (a fatal error) for the same reason; the link
//! action's strong definition replaces it.
//!
//! Functions that assembly refers to (`sym`) are exported under `rog_` names rather than left
//! internal: rustc lists `sym` operands in `llvm.compiler.used`, and one internal symbol there
//! makes LLVM's ThinLTO summary mark every function containing inline assembly as not
//! importable, which kept the allocation fast path (its worker read is inline assembly) from
//! inlining into Go code. `tests/ir/inline.sh` checks that it does.

#[cfg(not(test))]
core::arch::global_asm!(
    ".text",
    ".weak main",
    ".type main,@function",
    "main:",
    "    jmp {entry}",
    ".weak __rog_program_main",
    ".type __rog_program_main,@function",
    "__rog_program_main:",
    "    jmp {missing}",
    entry = sym rog_main,
    missing = sym missing_program_main,
);

extern "C-unwind" {
    fn __rog_program_main();
}

#[allow(dead_code)]
#[export_name = "rog_missing_program_main"]
extern "C" fn missing_program_main() {
    crate::panic::fatal("__rog_program_main is missing from the link")
}

/// The process entry behind `main`: initialises the runtime and runs the program as goroutine 1
/// on the scheduler; exits 0 when `main.main` returns (other goroutines are not waited for).
#[allow(dead_code)]
#[export_name = "rog_start_main"]
extern "C" fn rog_main(argc: i32, argv: *const *const u8) -> i32 {
    crate::start_runtime(argc, argv);
    crate::sched::start(&MAIN_CLOSURE as *const MainClosure as *mut u8)
}

/// The func value goroutine 1 runs: a closure object whose code calls the program.
#[repr(C)]
struct MainClosure {
    code: extern "C-unwind" fn(),
}

static MAIN_CLOSURE: MainClosure = MainClosure { code: run_program };

extern "C-unwind" fn run_program() {
    // SAFETY: the generated program entry takes no arguments and is called once.
    unsafe { __rog_program_main() };
    crate::sys::exit(0)
}
