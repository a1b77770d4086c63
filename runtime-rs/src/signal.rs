//! Signal handling: SIGSEGV/SIGBUS become Go's nil-dereference panic, or gc's stack overflow
//! fatal error when the fault hits a goroutine stack's guard region. Handlers run on a
//! per-thread alternate signal stack (the faulting stack may be exhausted).

use crate::print;
use crate::sys;

/// glibc's `struct sigaction`.
#[repr(C)]
struct SigAction {
    handler: usize,
    mask: [u64; 16],
    flags: i32,
    restorer: usize,
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
const SA_SIGINFO: i32 = 4;
const SA_ONSTACK: i32 = 0x0800_0000;
const ALTSTACK: usize = 64 << 10;

/// Installs the process-wide handlers (once, at start-up).
pub fn init() {
    for sig in [SIGSEGV, SIGBUS, SIGFPE] {
        let mut act = SigAction {
            handler: handler as *const () as usize,
            mask: [0; 16],
            flags: SA_SIGINFO | SA_ONSTACK,
            restorer: 0,
        };
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
        print::dying();
        print::lock();
        print::str("runtime: goroutine stack exceeds 1000000000-byte limit\n");
        print::str("fatal error: stack overflow\n");
        print::unlock();
        sys::exit(2);
    }
    let g = crate::sched::current_g();
    if g.is_null() {
        crate::panic::signal_panic(sig, code, addr, pc);
    }
    // Make the faulting code appear to call rog_sigpanic_trampoline: push pc + 1 as the return
    // address (so the unwinder finds the faulting function's frame) and resume there.
    // SAFETY: ctx is the interrupted context of this goroutine, whose stack has room below sp.
    unsafe {
        (*g).sig = [sig as usize, code as usize, addr, pc];
        let rsp = ctx.add(160) as *mut usize; // gregs[REG_RSP]
        let rip = ctx.add(168) as *mut usize; // gregs[REG_RIP]
        let sp = *rsp - 8;
        *(sp as *mut usize) = pc + 1;
        *rsp = sp;
        *rip = rog_sigpanic_trampoline as *const () as usize;
    }
}

core::arch::global_asm!(
    ".text",
    ".globl rog_sigpanic_trampoline",
    ".type rog_sigpanic_trampoline,@function",
    ".p2align 4",
    "rog_sigpanic_trampoline:",
    "    .cfi_startproc",
    "    push rbp",
    "    .cfi_adjust_cfa_offset 8",
    "    .cfi_rel_offset rbp, 0",
    "    mov rbp, rsp",
    "    .cfi_def_cfa_register rbp",
    "    and rsp, -16",
    "    call {sigpanic}",
    "    ud2",
    "    .cfi_endproc",
    sigpanic = sym sigpanic,
);

extern "C" {
    fn rog_sigpanic_trampoline();
}

/// Raises the panic for the signal recorded in the running goroutine. Exported because assembly
/// refers to it (see `start.rs`).
#[export_name = "rog_sigpanic"]
extern "C-unwind" fn sigpanic() -> ! {
    let g = crate::sched::current_g();
    // SAFETY: the handler recorded the signal in g just before redirecting here.
    let [sig, code, addr, pc] = unsafe { (*g).sig };
    crate::panic::signal_panic(sig as i32, code as i32, addr, pc)
}
