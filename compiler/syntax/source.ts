// Source files and positions: byte offsets into UTF-8 text, turned into 1-based line and byte
// column on demand, as gc reports them.

/** Position is a resolved source position: 1-based line, 1-based column counted in bytes. */
export interface Position {
  filename: string;
  line: number;
  column: number;
}

/**
 * LineBase is a `//line file:line[:col]` directive: from offset on, positions are reported
 * relative to it, as gc does. col is 0 when the directive gives no column (gc then prints
 * positions as `file:line` only).
 */
export interface LineBase {
  offset: number;
  filename: string;
  line: number;
  col: number;
}

/** SourceFile is one Go source file: its display name, its UTF-8 bytes and a line table. */
export class SourceFile {
  /** lineStarts[i] is the byte offset where line i+1 starts; filled lazily. */
  private lineStarts: number[] | null = null;
  /** lineBases are the file's line directives in offset order (set by the parser). */
  private lineBases: LineBase[] = [];

  constructor(
    /** filename is the name shown in diagnostics (relative to the working directory). */
    readonly filename: string,
    /** bytes is the file's content. */
    readonly bytes: Uint8Array,
  ) {}

  /** fromString makes a SourceFile from text (tests and generated code). */
  static fromString(filename: string, text: string): SourceFile {
    return new SourceFile(filename, new TextEncoder().encode(text));
  }

  /**
   * position resolves a byte offset to file, line and column, honouring `//line` directives;
   * column is 0 when a directive made it unknown.
   */
  position(offset: number): Position {
    const bases = this.lineBases;
    if (bases.length === 0 || offset < bases[0].offset) return this.rawPosition(offset);
    let k = bases.length - 1;
    while (bases[k].offset > offset) k--;
    const base = bases[k];
    const raw = this.rawPosition(offset);
    const at = this.rawPosition(base.offset);
    const line = base.line + raw.line - at.line;
    let column = raw.column;
    if (base.col === 0) column = 0;
    else if (raw.line === at.line) column = base.col + raw.column - at.column;
    return { filename: base.filename, line, column };
  }

  /** addLineBase records a `//line` directive taking effect at offset (parser use). */
  addLineBase(base: LineBase): void {
    this.lineBases.push(base);
  }

  /** clearLineBases forgets the line directives (before the file is parsed again). */
  clearLineBases(): void {
    this.lineBases = [];
  }

  /** filenameAt is the file name in effect at offset (changed by `//line` directives). */
  filenameAt(offset: number): string {
    return this.position(offset).filename;
  }

  /** rawPosition resolves a byte offset to line and column, ignoring `//line` directives. */
  rawPosition(offset: number): Position {
    const starts = this.lines();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { filename: this.filename, line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** format renders an offset as `file:line:col` (`file:line` when the column is unknown). */
  format(offset: number): string {
    const p = this.position(offset);
    return p.column === 0 ? `${p.filename}:${p.line}` : `${p.filename}:${p.line}:${p.column}`;
  }

  /** lineCount is the number of lines in the file. */
  lineCount(): number {
    return this.lines().length;
  }

  private lines(): number[] {
    if (this.lineStarts === null) {
      const starts = [0];
      const b = this.bytes;
      for (let i = 0; i < b.length; i++) if (b[i] === 10) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
