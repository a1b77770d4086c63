//! The entry points generated code calls, grouped by area. Every function here is part of the
//! ABI in ABI.md: its doc comment says which Go operation it implements, its argument contract,
//! and whether it may block, allocate or panic.

pub mod atomic;
pub mod chan;
pub mod defer;
pub mod iface;
pub mod map;
pub mod mem;
pub mod netpoll;
pub mod os;
pub mod panic;
pub mod print;
pub mod sched;
pub mod trace;
