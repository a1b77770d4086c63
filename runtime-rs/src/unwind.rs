//! Go panics, defer and recover on top of the system unwinder (placeholder until the panic work
//! lands: roots held by panic records).

/// Calls `f` for every Go pointer the panic machinery holds outside goroutine stacks.
pub fn for_each_root(_f: impl FnMut(usize)) {}

/// `runtime.Goexit` (placeholder: deferred calls are not run yet).
pub fn goexit() -> ! {
    crate::sched::goexit()
}
