// Source files and positions: byte offsets into UTF-8 text, turned into 1-based line and byte
// column on demand, as gc reports them.

/** Position is a resolved source position: 1-based line, 1-based column counted in bytes. */
export interface Position {
  filename: string;
  line: number;
  column: number;
}

/** SourceFile is one Go source file: its display name, its UTF-8 bytes and a line table. */
export class SourceFile {
  /** lineStarts[i] is the byte offset where line i+1 starts; filled lazily. */
  private lineStarts: number[] | null = null;

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

  /** position resolves a byte offset to line and column. */
  position(offset: number): Position {
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

  /** format renders an offset as `file:line:col`. */
  format(offset: number): string {
    const p = this.position(offset);
    return `${p.filename}:${p.line}:${p.column}`;
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
