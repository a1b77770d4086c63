//! The process and machine facts the overlay's runtime, os and internal/cpu packages read:
//! arguments, environment, random bits, CPUID.

use core::sync::atomic::{AtomicI64, AtomicUsize, Ordering::*};

static ARGC: AtomicI64 = AtomicI64::new(0);
static ARGV: AtomicUsize = AtomicUsize::new(0);

extern "C" {
    static environ: *const *const u8;
}

/// Records the C `main`'s arguments (start-up).
pub fn set_args(argc: i32, argv: *const *const u8) {
    ARGC.store(argc as i64, Relaxed);
    ARGV.store(argv as usize, Relaxed);
}

/// `len(os.Args)`: the program's argument count.
#[no_mangle]
pub extern "C" fn rog_argc() -> i64 {
    ARGC.load(Relaxed)
}

/// The program's arguments: `argv`, an array of `rog_argc()` NUL-terminated C strings followed
/// by NULL. Never changes.
#[no_mangle]
pub extern "C" fn rog_argv() -> *const *const u8 {
    ARGV.load(Relaxed) as *const *const u8
}

/// The initial environment: a NULL-terminated array of NUL-terminated `KEY=value` C strings
/// (the C library's `environ` at the call; the runtime never changes it).
#[no_mangle]
pub extern "C" fn rog_environ() -> *const *const u8 {
    // SAFETY: reading the C library's environ pointer.
    unsafe { environ }
}

/// 64 random bits (`runtime.rand`, `sync.Pool`, temporary names): a per-thread wyrand seeded from
/// `getrandom`. Not cryptographic.
#[no_mangle]
pub extern "C" fn rog_rand() -> u64 {
    crate::fastrand::next()
}

/// `internal/cpu`'s `cpuid(eax, ecx)`: stores eax, ebx, ecx, edx as four u32 at `out`.
///
/// # Safety
/// out points at 16 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn rog_cpuid(eax: u32, ecx: u32, out: *mut u32) {
    let r = core::arch::x86_64::__cpuid_count(eax, ecx);
    *out = r.eax;
    *out.add(1) = r.ebx;
    *out.add(2) = r.ecx;
    *out.add(3) = r.edx;
}

/// `internal/cpu`'s `xgetbv()`: XCR0 as two u32 (eax, edx) at `out`. Only call it when CPUID
/// reports OSXSAVE.
///
/// # Safety
/// out points at 8 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn rog_xgetbv(out: *mut u32) {
    let (lo, hi): (u32, u32);
    core::arch::asm!("xgetbv", in("ecx") 0u32, out("eax") lo, out("edx") hi,
        options(nomem, nostack, preserves_flags));
    *out = lo;
    *out.add(1) = hi;
}
