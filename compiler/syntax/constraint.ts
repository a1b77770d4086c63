// `//go:build` expressions (the build constraint syntax of `go help buildconstraint`): a
// small parser and evaluator, and the minimum Go version a constraint implies, which sets a
// file's language version.

/** Constraint is a parsed build constraint expression. */
export type Constraint =
  | { op: "tag"; tag: string }
  | { op: "not"; x: Constraint }
  | { op: "and" | "or"; x: Constraint; y: Constraint };

/** parseConstraint parses the expression of a `//go:build` line; it returns null if malformed. */
export function parseConstraint(text: string): Constraint | null {
  const toks = text.match(/\(|\)|!|&&|\|\||[A-Za-z0-9_.]+|\S/g) ?? [];
  let i = 0;
  const or = (): Constraint | null => {
    let x = and();
    while (x !== null && toks[i] === "||") {
      i++;
      const y = and();
      x = y === null ? null : { op: "or", x, y };
    }
    return x;
  };
  const and = (): Constraint | null => {
    let x = not();
    while (x !== null && toks[i] === "&&") {
      i++;
      const y = not();
      x = y === null ? null : { op: "and", x, y };
    }
    return x;
  };
  const not = (): Constraint | null => {
    const t = toks[i++];
    if (t === "!") {
      const x = not();
      return x === null ? null : { op: "not", x };
    }
    if (t === "(") {
      const x = or();
      return toks[i++] === ")" ? x : null;
    }
    return t !== undefined && /^[A-Za-z0-9_.]+$/.test(t) ? { op: "tag", tag: t } : null;
  };
  const x = or();
  return i === toks.length ? x : null;
}

/** evalConstraint evaluates x with ok deciding each tag. */
export function evalConstraint(x: Constraint, ok: (tag: string) => boolean): boolean {
  switch (x.op) {
    case "tag":
      return ok(x.tag);
    case "not":
      return !evalConstraint(x.x, ok);
    case "and":
      return evalConstraint(x.x, ok) && evalConstraint(x.y, ok);
    case "or":
      return evalConstraint(x.x, ok) || evalConstraint(x.y, ok);
  }
}

function versionNumber(v: string): number {
  const m = /^go1\.(\d+)$/.exec(v);
  return m === null ? -1 : Number(m[1]);
}

// minVersion is the lowest Go version under which x (or !x, when negated) can hold; "" means
// any version.
function minVersion(x: Constraint, negated: boolean): string {
  switch (x.op) {
    case "tag":
      return !negated && versionNumber(x.tag) >= 0 ? x.tag : "";
    case "not":
      return minVersion(x.x, !negated);
    case "and":
    case "or": {
      const a = minVersion(x.x, negated);
      const b = minVersion(x.y, negated);
      // For "and" (or a negated "or") both sides must hold: the later version wins.
      if ((x.op === "and") !== negated) return versionNumber(a) >= versionNumber(b) ? a : b;
      if (a === "" || b === "") return "";
      return versionNumber(a) <= versionNumber(b) ? a : b;
    }
  }
}

/** buildConstraintGoVersion returns the Go version (e.g. "go1.21") a constraint requires, or null. */
export function buildConstraintGoVersion(text: string): string | null {
  const x = parseConstraint(text);
  if (x === null) return null;
  const v = minVersion(x, false);
  return v === "" ? null : v;
}
