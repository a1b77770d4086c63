//! ABI.md §11, the network poller: internal/poll's runtime hooks (the overlay's
//! runtime/poll.go), over `crate::netpoll`. A poll descriptor `pd` is the address returned by
//! `rog_netpoll_open`, outside the Go heap; `mode` is 'r', 'w' or 'r'+'w'.

use crate::netpoll;

/// `runtime_pollServerInit`: creates the epoll instance and the poller thread (idempotent).
#[no_mangle]
pub extern "C" fn rog_netpoll_init() {
    netpoll::init();
}

/// `runtime_pollOpen(fd)`: registers fd edge-triggered for reading and writing; returns the
/// poll descriptor (positive), or -errno (EPERM for regular files). Never blocks.
#[no_mangle]
pub extern "C" fn rog_netpoll_open(fd: i64) -> i64 {
    netpoll::open(fd as i32)
}

/// `runtime_pollClose(pd)`: unregisters the descriptor; pd must not be used afterwards (callers
/// unblock it first, so nobody waits on it).
///
/// # Safety
/// pd comes from `rog_netpoll_open`.
#[no_mangle]
pub unsafe extern "C" fn rog_netpoll_close(pd: usize) {
    netpoll::close(pd as *const netpoll::PollDesc);
}

/// `runtime_pollWait(pd, mode)`: blocks the goroutine until the descriptor is ready for `mode`
/// ('r' or 'w'); returns 0, or 1 (closing), 2 (deadline passed), 3 (not pollable: epoll reported
/// an error, reads only). May block.
///
/// # Safety
/// As `rog_netpoll_close`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_netpoll_wait(pd: usize, mode: i64) -> i64 {
    netpoll::wait(pd as *const netpoll::PollDesc, mode)
}

/// `runtime_pollReset(pd, mode)`: forgets earlier readiness before an I/O attempt; returns 0 or
/// the error code as `rog_netpoll_wait`. Never blocks.
///
/// # Safety
/// As `rog_netpoll_close`.
#[no_mangle]
pub unsafe extern "C" fn rog_netpoll_reset(pd: usize, mode: i64) -> i64 {
    netpoll::reset(pd as *const netpoll::PollDesc, mode)
}

/// `runtime_pollSetDeadline(pd, d, mode)`: `d` ns from now (0: no deadline, < 0: already past,
/// which fails current and later waits at once). Never blocks.
///
/// # Safety
/// As `rog_netpoll_close`.
#[no_mangle]
pub unsafe extern "C" fn rog_netpoll_setdeadline(pd: usize, d: i64, mode: i64) {
    netpoll::set_deadline(pd as *const netpoll::PollDesc, d, mode);
}

/// `runtime_pollUnblock(pd)`: the descriptor is closing; current and later waits return 1.
///
/// # Safety
/// As `rog_netpoll_close`.
#[no_mangle]
pub unsafe extern "C" fn rog_netpoll_unblock(pd: usize) {
    netpoll::unblock(pd as *const netpoll::PollDesc);
}

/// `runtime_isPollServerDescriptor(fd)`: whether fd is the poller's epoll descriptor.
#[no_mangle]
pub extern "C" fn rog_netpoll_is_poller_fd(fd: i64) -> bool {
    netpoll::is_poller_fd(fd)
}
