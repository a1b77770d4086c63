//! Signal handling: SIGSEGV/SIGBUS become Go's nil-dereference panic, or gc's stack overflow
//! fatal error when the fault hits a goroutine stack's guard region. Handlers run on a
//! per-thread alternate signal stack (the faulting stack may be exhausted).

use crate::print;
use crate::sys;

#[repr(C)]
struct SigAction {
    handler: usize,
    flags: u64,
    restorer: usize,
    mask: [u64; 16],
}

#[repr(C)]
struct SigInfo {
    signo: i32,
    errno: i32,
    code: i32,
    _pad: i32,
    addr: usize,
}

#[repr(C)]
struct StackT {
    sp: *mut u8,
    flags: i32,
    size: usize,
}

extern "C" {
    fn sigaction(sig: i32, act: *const SigAction, old: *mut SigAction) -> i32;
    fn sigaltstack(ss: *const StackT, old: *mut StackT) -> i32;
    fn sigemptyset(set: *mut [u64; 16]) -> i32;
}

const SIGBUS: i32 = 7;
const SIGFPE: i32 = 8;
const SIGSEGV: i32 = 11;
const SA_SIGINFO: u64 = 4;
const SA_ONSTACK: u64 = 0x0800_0000;
const ALTSTACK: usize = 64 << 10;

/// Installs the process-wide handlers (once, at start-up).
pub fn init() {
    for sig in [SIGSEGV, SIGBUS, SIGFPE] {
        let mut act = SigAction { handler: handler as *const () as usize, flags: SA_SIGINFO | SA_ONSTACK, restorer: 0, mask: [0; 16] };
        // SAFETY: act is a valid sigaction; the handler is async-signal-safe enough for a crash.
        unsafe {
            sigemptyset(&mut act.mask);
            sigaction(sig, &act, core::ptr::null_mut());
        }
    }
    init_thread();
}

/// Gives the calling thread an alternate signal stack.
pub fn init_thread() {
    let mem = sys::reserve(ALTSTACK);
    if mem.is_null() {
        return;
    }
    let ss = StackT { sp: mem, flags: 0, size: ALTSTACK };
    // SAFETY: ss describes memory owned by this thread forever.
    unsafe { sigaltstack(&ss, core::ptr::null_mut()) };
}

extern "C" fn handler(sig: i32, info: *const SigInfo, ctx: *mut u8) {
    // SAFETY: the kernel passes a valid siginfo and ucontext.
    let (addr, code) = unsafe { ((*info).addr, (*info).code) };
    let pc = unsafe { *(ctx.add(168) as *const usize) }; // uc_mcontext.gregs[REG_RIP]
    if sig != SIGFPE && crate::sched::stack::in_guard(addr) {
        print::lock();
        print::str("runtime: goroutine stack exceeds 1000000000-byte limit\n");
        print::str("fatal error: stack overflow\n");
        print::unlock();
        sys::exit(2);
    }
    crate::panic::signal_panic(sig, code, addr, pc);
}
