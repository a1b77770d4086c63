//! Goroutines and the scheduler (milestone: only the main goroutine, on the main thread).

/// The id of the running goroutine (1 for main).
pub fn current_goid() -> i64 {
    1
}
