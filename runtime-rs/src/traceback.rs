//! Goroutine tracebacks: the `goroutine N [running]:` trace of an unrecovered panic.
//!
//! A panic unwinds frame by frame (unwind.rs), so by the time it turns out to be fatal, the
//! frames between the panic and the last frame with defers are gone. The trace is therefore
//! captured when the panic starts, as raw return addresses, and kept in the goroutine
//! ([`G::trace`]); it is symbolised only if the panic is fatal. Capturing costs one unwind-table
//! walk per panic (a few microseconds), symbolising a DWARF read of the executable.
//!
//! Symbolising uses the standard library's backtrace resolver (the DWARF line tables the
//! compiler emits give Go frames their file and line; function names come from the DWARF
//! subprograms or the symbol table). Only Go frames are printed, as gc prints them:
//!
//! ```text
//! main.f(...)
//!         /path/to/file.go:12
//! ```
//!
//! A Go frame is one whose symbol reads like a Go name (`pkg.F`, `pkg.(*T).M`, `pkg.F.func1`):
//! it has a dot, no `::` and no leading `_`, and it is not a `rog_` runtime entry point. gc also
//! prints argument words and a `+0x` offset; rog prints `(...)` and no offset.

use std::backtrace::Backtrace;

/// A captured, not yet symbolised, stack trace.
pub struct Trace(Backtrace);

/// Captures the calling goroutine's stack.
pub fn capture() -> Trace {
    Trace(Backtrace::force_capture())
}

/// One Go frame: its function and source position.
#[derive(Debug, PartialEq, Eq)]
pub struct Frame {
    pub func: String,
    pub file: String,
    pub line: u32,
}

impl Trace {
    /// The Go frames of the trace, innermost first.
    pub fn go_frames(&self) -> Vec<Frame> {
        parse(&format!("{:#}", self.0))
    }
}

/// Parses the standard library's full backtrace text: for each symbol a line
/// `  N: 0xADDR - name` (or `  N: name`), then optionally `      at file:line:col`.
fn parse(text: &str) -> Vec<Frame> {
    let mut out = Vec::new();
    let mut pending: Option<String> = None;
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(at) = t.strip_prefix("at ") {
            if let Some(func) = pending.take() {
                let (file, line) = split_position(at);
                out.push(Frame { func, file, line });
            }
            continue;
        }
        if let Some(func) = pending.take() {
            out.push(Frame { func, file: String::from("?"), line: 0 });
        }
        let Some((index, rest)) = t.split_once(": ") else { continue };
        if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let name = rest.rsplit_once(" - ").map_or(rest, |(_, n)| n).trim();
        if is_go_name(name) {
            pending = Some(name.to_string());
        }
    }
    if let Some(func) = pending {
        out.push(Frame { func, file: String::from("?"), line: 0 });
    }
    out
}

/// `file:line:col` or `file:line` → (file, line).
fn split_position(at: &str) -> (String, u32) {
    let mut parts = at.rsplitn(3, ':');
    let last = parts.next().unwrap_or("");
    let mid = parts.next();
    let first = parts.next();
    match (first, mid) {
        (Some(file), Some(line)) => (file.to_string(), line.parse().unwrap_or(0)),
        (None, Some(file)) => (file.to_string(), last.parse().unwrap_or(0)),
        _ => (at.to_string(), 0),
    }
}

/// Whether a symbol reads like a Go function name.
pub fn is_go_name(name: &str) -> bool {
    !name.is_empty()
        && name.contains('.')
        && !name.contains("::")
        && !name.starts_with('_')
        && !name.starts_with("rog_")
        && !name.starts_with('<')
}

/// Prints the Go frames of `t` in gc's layout (the caller holds the print lock). Frames of the
/// runtime package (the overlay's Go code, e.g. `runtime.panicNil`) are left out, as gc's
/// default GOTRACEBACK leaves out its own.
pub fn print(t: &Trace) {
    for f in t.go_frames() {
        if f.func.starts_with("runtime.") {
            continue;
        }
        crate::print::str(&f.func);
        crate::print::str("(...)\n\t");
        crate::print::str(&f.file);
        crate::print::str(":");
        crate::print::int(f.line as i64);
        crate::print::str("\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_backtrace_text() {
        let text = "   0:     0x55d1 - rog_runtime::traceback::capture\n\
                    \x20            at /src/traceback.rs:29:5\n\
                    \x20  1:     0x55d2 - main.f\n\
                    \x20            at /tmp/x/main.go:7:0\n\
                    \x20  2:     0x55d3 - example.com/m/lib.(*T).M\n\
                    \x20  3:     0x55d4 - main.main\n\
                    \x20            at ./main.go:12\n\
                    \x20  4:     0x55d5 - rog_start_main\n";
        let f = parse(text);
        assert_eq!(
            f,
            vec![
                Frame { func: "main.f".into(), file: "/tmp/x/main.go".into(), line: 7 },
                Frame { func: "example.com/m/lib.(*T).M".into(), file: "?".into(), line: 0 },
                Frame { func: "main.main".into(), file: "./main.go".into(), line: 12 },
            ]
        );
    }

    #[test]
    fn go_names() {
        assert!(is_go_name("main.main"));
        assert!(is_go_name("main.F[int,string]"));
        assert!(!is_go_name("std::rt::lang_start"));
        assert!(!is_go_name("rog_alloc"));
        assert!(!is_go_name("__libc_start_main"));
        assert!(!is_go_name("<unknown>"));
    }
}
