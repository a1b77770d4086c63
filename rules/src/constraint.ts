// Build constraints: which Go files belong to a build. Covers `//go:build` expressions (and the
// older `// +build` lines), and the `_GOOS`, `_GOARCH` and `_GOOS_GOARCH` file name suffixes.

/** BuildContext is the target a package graph is loaded for. */
export interface BuildContext {
  goos: string;
  goarch: string;
  /** tags holds every build tag that is true besides goos and goarch (see rules/README.md). */
  tags: ReadonlySet<string>;
}

/** KNOWN_OS lists every GOOS value Go knows; a file name suffix naming one is a constraint. */
export const KNOWN_OS: ReadonlySet<string> = new Set(
  "aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos".split(
    " ",
  ),
);

/** KNOWN_ARCH lists every GOARCH value Go knows; a file name suffix naming one is a constraint. */
export const KNOWN_ARCH: ReadonlySet<string> = new Set(
  (
    "386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 " +
    "mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm"
  ).split(" "),
);

/**
 * defaultContext is linux/amd64 with the tags rog satisfies. The Go release tags run from go1.1
 * to the GOROOT's release (a file saying `go1.N` needs a toolchain at least that new). `gc` is
 * true, as for `go list`: rog compiles gc's standard library, and `purego` keeps the assembly
 * variants (`gc && !purego`) out, as `math_big_pure_go` does math/big's. There is no cgo yet.
 * rules/README.md gives the reasons.
 */
export function defaultContext(gorootMinor: number, extraTags: string[] = []): BuildContext {
  const base = ["unix", "gc", "purego", "math_big_pure_go", "rog", "amd64.v1"];
  const tags = new Set<string>([...base, ...extraTags]);
  for (let i = 1; i <= gorootMinor; i++) tags.add(`go1.${i}`);
  return { goos: "linux", goarch: "amd64", tags };
}

/** matchTag reports whether one build tag is true in ctx. */
export function matchTag(ctx: BuildContext, tag: string): boolean {
  if (tag === ctx.goos || tag === ctx.goarch) return true;
  // android and illumos imply linux and solaris, ios implies darwin (Go's GOOS rules).
  if (tag === "linux" && ctx.goos === "android") return true;
  if (tag === "solaris" && ctx.goos === "illumos") return true;
  if (tag === "darwin" && ctx.goos === "ios") return true;
  return ctx.tags.has(tag);
}

/**
 * matchFileName reports whether a file's name admits it to the build: `x_linux.go`,
 * `x_amd64.go` and `x_linux_amd64.go` (also with `_test` before `.go`) constrain the file; the
 * part before the first underscore never does, so `linux.go` builds everywhere.
 */
export function matchFileName(ctx: BuildContext, name: string): boolean {
  const dot = name.indexOf(".");
  let stem = dot >= 0 ? name.slice(0, dot) : name;
  const underscore = stem.indexOf("_");
  if (underscore < 0) return true;
  stem = stem.slice(underscore);

  const parts = stem.split("_");
  if (parts.length > 0 && parts[parts.length - 1] === "test") parts.pop();
  const n = parts.length;
  if (n >= 2 && KNOWN_OS.has(parts[n - 2]) && KNOWN_ARCH.has(parts[n - 1])) {
    return matchTag(ctx, parts[n - 2]) && matchTag(ctx, parts[n - 1]);
  }
  if (n >= 1 && (KNOWN_OS.has(parts[n - 1]) || KNOWN_ARCH.has(parts[n - 1]))) {
    return matchTag(ctx, parts[n - 1]);
  }
  return true;
}

/** Expr is a parsed build constraint expression. */
export type Expr =
  { op: "tag"; tag: string } | { op: "not"; x: Expr } | { op: "and" | "or"; x: Expr; y: Expr };

/** evalExpr evaluates a constraint expression in ctx. */
export function evalExpr(ctx: BuildContext, e: Expr): boolean {
  switch (e.op) {
    case "tag":
      return matchTag(ctx, e.tag);
    case "not":
      return !evalExpr(ctx, e.x);
    case "and":
      return evalExpr(ctx, e.x) && evalExpr(ctx, e.y);
    case "or":
      return evalExpr(ctx, e.x) || evalExpr(ctx, e.y);
  }
}

/** ConstraintError is a malformed `//go:build` or `// +build` line. */
export class ConstraintError extends Error {}

const TAG_CHAR = /[A-Za-z0-9_.]/;

/**
 * parseGoBuild parses the expression of a `//go:build` line (the text after `//go:build`):
 * tags combined with `!`, `&&`, `||` and parentheses, `&&` binding tighter than `||`.
 */
export function parseGoBuild(text: string): Expr {
  const toks = tokenize(text);
  let i = 0;
  const peek = () => toks[i];

  const or = (): Expr => {
    let x = and();
    while (peek() === "||") {
      i++;
      x = { op: "or", x, y: and() };
    }
    return x;
  };
  const and = (): Expr => {
    let x = not();
    while (peek() === "&&") {
      i++;
      x = { op: "and", x, y: not() };
    }
    return x;
  };
  const not = (): Expr => {
    const t = toks[i++];
    if (t === "!") return { op: "not", x: not() };
    if (t === "(") {
      const x = or();
      if (toks[i++] !== ")") throw new ConstraintError("missing )");
      return x;
    }
    if (t === undefined) throw new ConstraintError("unexpected end of expression");
    if (!TAG_CHAR.test(t[0])) throw new ConstraintError(`unexpected ${t}`);
    return { op: "tag", tag: t };
  };

  const e = or();
  if (i !== toks.length) throw new ConstraintError(`unexpected ${toks[i]}`);
  return e;
}

function tokenize(text: string): string[] {
  const toks: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "(" || c === ")" || c === "!") {
      toks.push(c);
      i++;
    } else if ((c === "&" || c === "|") && text[i + 1] === c) {
      toks.push(c + c);
      i += 2;
    } else if (TAG_CHAR.test(c)) {
      let j = i;
      while (j < text.length && TAG_CHAR.test(text[j])) j++;
      toks.push(text.slice(i, j));
      i = j;
    } else {
      throw new ConstraintError(`invalid syntax at ${c}`);
    }
  }
  return toks;
}

/**
 * parsePlusBuild parses the text after `// +build`: space-separated alternatives, each a
 * comma-separated conjunction of possibly negated tags.
 */
export function parsePlusBuild(text: string): Expr {
  let result: Expr | null = null;
  for (const alt of text.trim().split(/\s+/)) {
    if (alt === "") continue;
    let conj: Expr | null = null;
    for (const term of alt.split(",")) {
      const neg = term.startsWith("!");
      const tag = neg ? term.slice(1) : term;
      if (tag === "" || ![...tag].every((ch) => TAG_CHAR.test(ch))) {
        throw new ConstraintError(`invalid term ${term}`);
      }
      const t: Expr = neg ? { op: "not", x: { op: "tag", tag } } : { op: "tag", tag };
      conj = conj ? { op: "and", x: conj, y: t } : t;
    }
    if (conj) result = result ? { op: "or", x: result, y: conj } : conj;
  }
  if (!result) throw new ConstraintError("empty +build line");
  return result;
}
