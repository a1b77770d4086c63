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
    init_catch();
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

// ---- Every other signal, and os/signal --------------------------------------------------------
//
// As under gc, the runtime catches every signal at start-up but the few it must leave alone
// (SIGKILL, SIGSTOP, glibc's 32–34, and the job-control signals SIGCONT, SIGTSTP, SIGTTIN and
// SIGTTOU, which keep their default until the program asks for them), and keeps an inherited
// SIG_IGN for SIGHUP and SIGINT. A caught signal nobody asked for does what gc's table says: HUP,
// INT and TERM kill the program by the signal itself; QUIT, ILL, TRAP, ABRT, STKFLT and SYS print
// gc's line and exit 2; the rest (USR1, PIPE, CHLD, WINCH, ...) are dropped. A write to a closed
// pipe thus returns EPIPE (os.sigpipe kills the program for stdout and stderr, as gc does).
//
// A signal the program asks for (os/signal's signal_enable) has its bit set in WANTED: the
// handler then sets its bit in PENDING and writes a byte to a pipe. The goroutine os/signal runs
// takes the bits in `rog_signal_recv`, blocked in read(2) on that pipe as in a system call (like
// gc's note sleep it holds a thread; the scheduler hands its worker on, and deadlock detection
// never fires while it waits).

use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering::SeqCst};

const SIGHUP: i32 = 1;
const SIGINT: i32 = 2;
const SIG_DFL: usize = 0;
const SIG_IGN: usize = 1;
const SA_RESTART: i32 = 0x1000_0000;
const O_NONBLOCK: i32 = 0o4000;
const O_CLOEXEC: i32 = 0o2_000_000;
const F_SETFL: i32 = 4;
const SIG_UNBLOCK: i32 = 1;

extern "C" {
    fn pipe2(fds: *mut i32, flags: i32) -> i32;
    fn fcntl(fd: i32, cmd: i32, arg: i32) -> i32;
    fn read(fd: i32, buf: *mut u8, n: usize) -> isize;
    fn raise(sig: i32) -> i32;
    fn pthread_sigmask(how: i32, set: *const [u64; 16], old: *mut [u64; 16]) -> i32;
}

/// What gc's runtime does with a signal (its sigtable for linux): the default of a caught
/// signal nobody asked for.
#[derive(PartialEq)]
enum Default {
    /// Not caught: SIGKILL, SIGSTOP, the faults (their own handler above), glibc's 32–34.
    Never,
    /// Caught only once the program asks for it (job control; gc's _SigDefault).
    OnRequest,
    /// Kills the program by the signal (gc's _SigKill).
    Kill,
    /// gc's _SigThrow: prints "SIGQUIT: quit" and exits 2.
    Throw,
    /// Dropped.
    Ignore,
}

fn default_of(sig: i32) -> Default {
    match sig {
        1 | 2 | 15 => Default::Kill,
        3..=6 | 16 | 31 => Default::Throw,
        7 | 8 | 9 | 11 | 19 | 32..=34 => Default::Never,
        18 | 20..=22 => Default::OnRequest,
        10 | 12..=14 | 17 | 23..=30 | 35..=64 => Default::Ignore,
        _ => Default::Never,
    }
}

/// Bit `sig - 1` for signals 1..=64.
fn bit(sig: i32) -> u64 {
    1u64 << (sig - 1)
}

static WANTED: AtomicU64 = AtomicU64::new(0);
static PENDING: AtomicU64 = AtomicU64::new(0);
/// Signals whose action is `catch` (gc's handlingSig).
static HANDLING: AtomicU64 = AtomicU64::new(0);
/// Signals ignored by `signal.Ignore`, or inherited ignored (SIGHUP, SIGINT).
static IGNORED: AtomicU64 = AtomicU64::new(0);
static RECEIVING: AtomicBool = AtomicBool::new(false);
static PIPE_R: AtomicI32 = AtomicI32::new(-1);
static PIPE_W: AtomicI32 = AtomicI32::new(-1);

/// The action each signal had before the runtime caught it (gc's fwdSig).
struct Forward(UnsafeCell<[usize; 65]>);
// SAFETY: written at start-up and under os/signal's handlers lock (signal_enable, _disable and
// _ignore are called with it held); plain words.
unsafe impl Sync for Forward {}
static FORWARD: Forward = Forward(UnsafeCell::new([SIG_DFL; 65]));

fn getsig(sig: i32) -> usize {
    let mut old = SigAction { handler: SIG_DFL, mask: [0; 16], flags: 0, restorer: 0 };
    // SAFETY: a query into old.
    unsafe { sigaction(sig, core::ptr::null(), &mut old) };
    old.handler
}

fn setsig(sig: i32, handler: usize) {
    let mut act = SigAction { handler, mask: [0; 16], flags: 0, restorer: 0 };
    if handler > SIG_IGN {
        act.flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    }
    // SAFETY: act is a valid sigaction.
    unsafe {
        if handler > SIG_IGN {
            // Block every signal while the handler runs, as gc does.
            act.mask = [!0; 16];
        } else {
            sigemptyset(&mut act.mask);
        }
        sigaction(sig, &act, core::ptr::null_mut());
    }
}

fn catch(sig: i32) {
    // SAFETY: see Forward.
    unsafe { (*FORWARD.0.get())[sig as usize] = getsig(sig) };
    HANDLING.fetch_or(bit(sig), SeqCst);
    setsig(sig, catch_handler as *const () as usize);
}

/// gc's sigInstallGoHandler: whether the runtime keeps catching sig when nobody wants it.
fn keeps_catching(sig: i32) -> bool {
    match default_of(sig) {
        Default::Never | Default::OnRequest => false,
        // SAFETY: see Forward.
        _ if sig == SIGHUP || sig == SIGINT => unsafe { (*FORWARD.0.get())[sig as usize] != SIG_IGN },
        _ => true,
    }
}

/// Catches the signals gc catches (start-up).
pub fn init_catch() {
    for sig in 1..=64 {
        if matches!(default_of(sig), Default::Never | Default::OnRequest) {
            continue;
        }
        if (sig == SIGHUP || sig == SIGINT) && getsig(sig) == SIG_IGN {
            // SAFETY: see Forward.
            unsafe { (*FORWARD.0.get())[sig as usize] = SIG_IGN };
            IGNORED.fetch_or(bit(sig), SeqCst);
            continue;
        }
        catch(sig);
    }
}

extern "C" fn catch_handler(sig: i32, info: *const SigInfo, ctx: *mut u8) {
    if deliver(sig) {
        return;
    }
    match default_of(sig) {
        Default::Kill => {
            die_of(sig);
            sys::exit(2);
        }
        Default::Throw => {
            // SAFETY: the kernel passes a valid siginfo and ucontext.
            let (code, pc) = unsafe { ((*info).code, *(ctx.add(168) as *const usize)) };
            print::dying();
            print::lock();
            print::str(SIGNAMES[sig as usize]);
            print::str("\nPC=");
            print::hex(pc as u64);
            print::str(" m=0 sigcode=");
            print::int(code as i64);
            print::str("\n");
            print::unlock();
            sys::exit(2);
        }
        _ => {}
    }
}

const SIGNAMES: [&str; 32] = [
    "", "", "", "SIGQUIT: quit", "SIGILL: illegal instruction", "SIGTRAP: trace trap",
    "SIGABRT: abort", "", "", "", "", "", "", "", "", "", "SIGSTKFLT: stack fault", "", "", "",
    "", "", "", "", "", "", "", "", "", "", "", "SIGSYS: bad system call",
];

fn ensure_pipe() {
    if PIPE_W.load(SeqCst) >= 0 {
        return;
    }
    let mut fds = [-1i32; 2];
    // SAFETY: fds has room for two descriptors.
    if unsafe { pipe2(fds.as_mut_ptr(), O_CLOEXEC) } != 0 {
        crate::panic::fatal("os/signal: pipe2 failed");
    }
    // SAFETY: fds[1] is the pipe's fresh write end.
    unsafe { fcntl(fds[1], F_SETFL, O_NONBLOCK) };
    PIPE_R.store(fds[0], SeqCst);
    PIPE_W.store(fds[1], SeqCst);
}

/// Whether os/signal may ask for sig (gc's _SigNotify; SIGPROF is the profiler's).
fn notifiable(sig: i32) -> bool {
    matches!(sig, 1..=3 | 6 | 10 | 12..=15 | 17 | 18 | 20..=26 | 28..=30 | 35..=64)
}

/// `os/signal.signal_enable`: deliver sig to `signal_recv` from now on.
#[no_mangle]
pub extern "C" fn rog_signal_enable(sig: u32) {
    let sig = sig as i32;
    if !notifiable(sig) {
        return;
    }
    ensure_pipe();
    WANTED.fetch_or(bit(sig), SeqCst);
    IGNORED.fetch_and(!bit(sig), SeqCst);
    if HANDLING.load(SeqCst) & bit(sig) == 0 {
        catch(sig);
    }
}

/// `os/signal.signal_disable`: stop delivering sig. A signal the runtime catches anyway goes
/// back to its default above; any other gets back the action it had before.
#[no_mangle]
pub extern "C" fn rog_signal_disable(sig: u32) {
    let sig = sig as i32;
    if !notifiable(sig) {
        return;
    }
    WANTED.fetch_and(!bit(sig), SeqCst);
    if !keeps_catching(sig) {
        HANDLING.fetch_and(!bit(sig), SeqCst);
        // SAFETY: see Forward.
        setsig(sig, unsafe { (*FORWARD.0.get())[sig as usize] });
    }
}

/// `os/signal.signal_ignore`: sig is ignored (SIG_IGN) until enabled again.
#[no_mangle]
pub extern "C" fn rog_signal_ignore(sig: u32) {
    let sig = sig as i32;
    if !notifiable(sig) {
        return;
    }
    WANTED.fetch_and(!bit(sig), SeqCst);
    IGNORED.fetch_or(bit(sig), SeqCst);
    HANDLING.fetch_and(!bit(sig), SeqCst);
    setsig(sig, SIG_IGN);
}

/// `os.sigpipe`, after a write to a broken stdout or stderr: as gc, the program dies of SIGPIPE
/// unless it ignores SIGPIPE or asked os/signal for it (then it gets the signal and the write
/// returns EPIPE). Returns only in those two cases.
#[no_mangle]
pub extern "C" fn rog_sigpipe() {
    const SIGPIPE: i32 = 13;
    if IGNORED.load(SeqCst) & bit(SIGPIPE) != 0 || deliver(SIGPIPE) {
        return;
    }
    die_of(SIGPIPE);
}

/// Queues sig for `signal_recv` if the program asked for it; says whether it did.
/// Async-signal-safe.
fn deliver(sig: i32) -> bool {
    if WANTED.load(SeqCst) & bit(sig) == 0 {
        return false;
    }
    PENDING.fetch_or(bit(sig), SeqCst);
    let b = sig as u8;
    // SAFETY: write(2) is async-signal-safe; the write end never blocks (a full pipe already
    // holds a wake-up byte).
    unsafe { sys::write(PIPE_W.load(SeqCst), (&b as *const u8).cast(), 1) };
    true
}

/// Kills the program by sig with its default action (returns only if that does not kill).
fn die_of(sig: i32) {
    setsig(sig, SIG_DFL);
    // SAFETY: raise with the default action; unblocking delivers it now.
    unsafe {
        raise(sig);
        let mut set = [0u64; 16];
        set[0] = bit(sig);
        pthread_sigmask(SIG_UNBLOCK, &set, core::ptr::null_mut());
    }
}

/// `os/signal.signal_ignored`: whether sig is ignored, by `signal.Ignore` or inherited.
#[no_mangle]
pub extern "C" fn rog_signal_ignored(sig: u32) -> bool {
    (1..=64).contains(&sig) && IGNORED.load(SeqCst) & bit(sig as i32) != 0
}

/// `os/signal.signal_recv`: the next signal delivered. Blocks (as a system call) until one is.
#[no_mangle]
pub extern "C-unwind" fn rog_signal_recv() -> u32 {
    loop {
        let p = PENDING.load(SeqCst);
        if p != 0 {
            let b = p & p.wrapping_neg();
            if PENDING.fetch_and(!b, SeqCst) & b != 0 {
                return b.trailing_zeros() + 1;
            }
            continue;
        }
        RECEIVING.store(true, SeqCst);
        if PENDING.load(SeqCst) == 0 {
            let mut buf = [0u8; 64];
            crate::sched::syscall::enter();
            // SAFETY: buf is this frame's; a short or interrupted read just loops.
            unsafe { read(PIPE_R.load(SeqCst), buf.as_mut_ptr(), buf.len()) };
            crate::sched::syscall::exit();
        }
        RECEIVING.store(false, SeqCst);
    }
}

/// Whether no signal waits to be taken and `signal_recv` is waiting: os/signal's
/// `signalWaitUntilIdle` yields until this holds.
#[no_mangle]
pub extern "C" fn rog_signal_idle() -> bool {
    PENDING.load(SeqCst) == 0 && RECEIVING.load(SeqCst)
}
