//! The few C library functions the runtime needs, declared by hand so the crate stays std-only
//! (no `libc` crate). Everything here is a thin, safe-where-possible wrapper.

use core::ffi::{c_int, c_long, c_void};

pub const PROT_NONE: c_int = 0;
pub const PROT_READ: c_int = 1;
pub const PROT_WRITE: c_int = 2;
pub const MAP_PRIVATE: c_int = 0x02;
pub const MAP_ANONYMOUS: c_int = 0x20;
pub const MAP_NORESERVE: c_int = 0x4000;
pub const MAP_FAILED: *mut c_void = !0usize as *mut c_void;
pub const MADV_DONTNEED: c_int = 4;
pub const CLOCK_MONOTONIC: c_int = 1;
pub const CLOCK_REALTIME: c_int = 0;
pub const EINTR: c_int = 4;
pub const EAGAIN: c_int = 11;

#[repr(C)]
pub struct Timespec {
    pub tv_sec: c_long,
    pub tv_nsec: c_long,
}

extern "C" {
    pub fn write(fd: c_int, buf: *const c_void, n: usize) -> isize;
    pub fn _exit(code: c_int) -> !;
    pub fn mmap(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, off: i64)
        -> *mut c_void;
    pub fn munmap(addr: *mut c_void, len: usize) -> c_int;
    pub fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int;
    pub fn mprotect(addr: *mut c_void, len: usize, prot: c_int) -> c_int;
    pub fn clock_gettime(clk: c_int, ts: *mut Timespec) -> c_int;
    pub fn getenv(name: *const u8) -> *const u8;
    pub fn __errno_location() -> *mut c_int;
    pub fn sysconf(name: c_int) -> c_long;
    pub fn getpid() -> c_int;
    pub fn abort() -> !;
}

/// errno of the calling thread.
pub fn errno() -> c_int {
    // SAFETY: __errno_location always returns the calling thread's errno slot.
    unsafe { *__errno_location() }
}

/// Writes all of `b` to file descriptor `fd`, retrying on short writes and EINTR; errors are
/// dropped (there is nowhere left to report them).
pub fn write_all(fd: c_int, mut b: &[u8]) {
    while !b.is_empty() {
        // SAFETY: b is a valid slice for its length.
        let n = unsafe { write(fd, b.as_ptr().cast(), b.len()) };
        if n < 0 {
            if errno() == EINTR {
                continue;
            }
            return;
        }
        b = &b[n as usize..];
    }
}

/// Exits the process at once with `code`, running no destructors or atexit handlers (as gc's
/// `exit` does).
pub fn exit(code: i32) -> ! {
    // SAFETY: _exit never returns and has no preconditions.
    unsafe { _exit(code) }
}

/// Nanoseconds on the monotonic clock.
pub fn nanotime() -> i64 {
    let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: ts is a valid out-pointer.
    unsafe { clock_gettime(CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i64 * 1_000_000_000 + ts.tv_nsec as i64
}

/// Nanoseconds since the Unix epoch on the wall clock.
pub fn walltime() -> i64 {
    let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: ts is a valid out-pointer.
    unsafe { clock_gettime(CLOCK_REALTIME, &mut ts) };
    ts.tv_sec as i64 * 1_000_000_000 + ts.tv_nsec as i64
}

/// Reserves `len` bytes of zeroed, readable and writable address space that the kernel commits
/// page by page on first touch (MAP_NORESERVE). Returns null on failure.
pub fn reserve(len: usize) -> *mut u8 {
    // SAFETY: an anonymous private mapping has no preconditions.
    let p = unsafe {
        mmap(
            core::ptr::null_mut(),
            len,
            PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == MAP_FAILED {
        core::ptr::null_mut()
    } else {
        p.cast()
    }
}

/// Gives the pages of [p, p+len) back to the kernel; they read as zero afterwards.
///
/// # Safety
/// The range must be owned by the caller, page aligned, and hold nothing still in use.
pub unsafe fn release(p: *mut u8, len: usize) {
    madvise(p.cast(), len, MADV_DONTNEED);
}

/// The value of environment variable `name` (given NUL-terminated), if set.
pub fn env(name: &[u8]) -> Option<&'static [u8]> {
    debug_assert!(name.last() == Some(&0));
    // SAFETY: name is NUL terminated; getenv's result lives as long as the environment, which the
    // runtime never modifies.
    unsafe {
        let p = getenv(name.as_ptr());
        if p.is_null() {
            return None;
        }
        let mut n = 0;
        while *p.add(n) != 0 {
            n += 1;
        }
        Some(core::slice::from_raw_parts(p, n))
    }
}
