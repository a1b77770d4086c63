// Diagnostics shared by every phase: user errors at source positions (gc's `file:line:col: msg`
// form), bad invocations, and internal errors that say they are our bug.

import type { SourceFile } from "./syntax/source.js";

/** Diagnostic is one user-facing error at a position in a source file. */
export interface Diagnostic {
  /** file is null for errors that belong to no file (a missing package, a bad flag). */
  file: SourceFile | null;
  /** offset is the byte offset in file. */
  offset: number;
  message: string;
  /** notes are related positions, printed indented on the following lines. */
  notes?: { file: SourceFile; offset: number; message: string }[];
}

/** formatDiagnostic renders a diagnostic the way gc prints it. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = d.file ? `${d.file.format(d.offset)}: ${d.message}` : d.message;
  const notes = (d.notes ?? []).map((n) => `\n\t${n.file.format(n.offset)}: ${n.message}`);
  return head + notes.join("");
}

/** sortDiagnostics orders diagnostics by file name, then offset (gc sorts by position). */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => {
    const fa = a.file?.filename ?? "";
    const fb = b.file?.filename ?? "";
    if (fa !== fb) return fa < fb ? -1 : 1;
    return a.offset - b.offset;
  });
}

/** UserError is a one-line error about the user's input or environment: exit status 1. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** UsageError is a bad invocation (unknown flag, missing argument): exit status 2, as `go` does. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** DiagnosticsError carries positioned diagnostics out of a phase: exit status 1. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
  }
}

/** InternalError is a bug in rog, found by an assertion; where says what was being compiled. */
export class InternalError extends Error {
  constructor(
    message: string,
    readonly where = "",
  ) {
    super(
      where
        ? `${where}: internal compiler error: ${message}`
        : `internal compiler error: ${message}`,
    );
  }
}

/** assert throws an InternalError when cond is false. */
export function assert(cond: unknown, what: string): asserts cond {
  if (!cond) throw new InternalError(`assertion failed: ${what}`);
}

/** unreachable throws an InternalError for a case that cannot happen. */
export function unreachable(what: string): never {
  throw new InternalError(`unreachable: ${what}`);
}
