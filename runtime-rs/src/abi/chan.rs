//! ABI.md §9, channels and select. Channel values are pointers to the runtime's channel object
//! (null for a nil channel). Element values are passed by pointer: the runtime copies
//! `elem.size` bytes from or to it. All of these may block (except the `nb` forms and
//! len/cap) and may allocate; the panics are gc's.

use crate::chan::{self, Case, Chan};
use crate::types::Type;

/// A (i64, i64) pair returned in rax:rdx (LLVM `{i64, i64}`).
#[repr(C)]
pub struct Pair {
    pub a: i64,
    pub b: i64,
}

/// `make(chan T, size)`; `t` is the `chan T` descriptor. Panics `makechan: size out of range`.
///
/// # Safety
/// t is a chan type descriptor.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_makechan(t: *const Type, size: i64) -> *mut Chan {
    chan::make(t, size)
}

/// `c <- *elem`. Blocks until a receiver takes it or buffer room frees up; nil c blocks
/// forever. Panics `send on closed channel`.
///
/// # Safety
/// c null or a channel; elem points at a value of the element type.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_chansend(c: *mut Chan, elem: *const u8) {
    chan::send(c, elem, true);
}

/// `*elem = <-c` / `v, ok := <-c`: returns ok (false: zero value from a closed channel). elem
/// may be null to discard. Blocks; nil c blocks forever.
///
/// # Safety
/// c null or a channel; elem null or room for an element.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_chanrecv(c: *mut Chan, elem: *mut u8) -> bool {
    chan::recv(c, elem, true).1
}

/// `select { case c <- *elem: ...; default: ... }`: returns whether the send happened.
///
/// # Safety
/// As `rog_chansend`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_selectnbsend(c: *mut Chan, elem: *const u8) -> bool {
    chan::send(c, elem, false)
}

/// `select { case v, ok = <-c: ...; default: ... }`: returns {selected, ok}.
///
/// # Safety
/// As `rog_chanrecv`.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_selectnbrecv(c: *mut Chan, elem: *mut u8) -> Pair {
    let (sel, ok) = chan::recv(c, elem, false);
    Pair { a: sel as i64, b: ok as i64 }
}

/// `close(c)`. Panics `close of nil channel` / `close of closed channel`.
///
/// # Safety
/// c null or a channel.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_closechan(c: *mut Chan) {
    chan::close(c);
}

/// `len(c)` (0 for nil).
///
/// # Safety
/// c null or a channel.
#[no_mangle]
pub unsafe extern "C" fn rog_chanlen(c: *const Chan) -> i64 {
    chan::len(c)
}

/// `cap(c)` (0 for nil).
///
/// # Safety
/// c null or a channel.
#[no_mangle]
pub unsafe extern "C" fn rog_chancap(c: *const Chan) -> i64 {
    chan::cap(c)
}

/// A `select` statement. `cases` points at `n` records `{ptr chan, ptr elem, i64 dir}` (dir 1
/// send: elem is the value to send; dir 2 receive: elem is where to store, or null). `block` is
/// false when the select has a default case. Returns {index of the chosen case (-1: default),
/// received-ok (1/0) for a receive case}. Among ready cases the choice is uniformly random.
/// Nil channels are never ready; with no (non-nil) case and no default it blocks forever.
///
/// # Safety
/// cases valid for n records.
#[no_mangle]
pub unsafe extern "C-unwind" fn rog_selectgo(cases: *mut Case, n: i64, block: bool) -> Pair {
    let cases = if n <= 0 { &mut [][..] } else { core::slice::from_raw_parts_mut(cases, n as usize) };
    let (i, ok) = chan::select(cases, block);
    Pair { a: i, b: ok as i64 }
}

/// Makes channel c keep t alive: t is the Go object of the (weak, `rog_timerweak`) timer that
/// sends on c, so the timer lives exactly as long as somebody can receive from c.
///
/// # Safety
/// c is a live channel; t a Go heap object or null.
#[no_mangle]
pub unsafe extern "C" fn rog_chansettimer(c: *mut Chan, t: *mut u8) {
    crate::chan::set_timer(c, t)
}
