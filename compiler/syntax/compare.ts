// Structural comparison of syntax trees, ignoring positions and comments: what the printer's
// round trip (parse → print → parse) must preserve.

// Fields holding offsets. Where an offset of -1 means "absent" (a group's `(`, an alias's `=`),
// only presence is compared.
const offsetFields = new Set([
  "pos",
  "end",
  "rparen",
  "lbrace",
  "rbrace",
  "colon",
  "tokPos",
  "opPos",
  "packagePos",
]);
const presenceFields = new Set(["lparen", "assign"]);
const ignoredFields = new Set([
  "source",
  "doc",
  "comments",
  "directives",
  "buildConstraint",
  "goVersion",
]);

/**
 * treeDiff compares two trees and returns the path of the first difference (e.g.
 * "decls[3].body.list[0].x.op: + != -"), or null when they are equal.
 */
export function treeDiff(a: unknown, b: unknown, path = ""): string | null {
  if (a === b) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return `${path}: ${show(a)} != ${show(b)}`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: array mismatch`;
    if (a.length !== b.length) return `${path}.length: ${a.length} != ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = treeDiff(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) {
    if (offsetFields.has(k) || ignoredFields.has(k)) continue;
    const p = path === "" ? k : `${path}.${k}`;
    if (presenceFields.has(k)) {
      if ((ra[k] as number) >= 0 !== (rb[k] as number) >= 0) return `${p}: presence differs`;
      continue;
    }
    const d = treeDiff(ra[k], rb[k], p);
    if (d !== null) return d;
  }
  return null;
}

function show(x: unknown): string {
  if (typeof x === "object" && x !== null && "kind" in x)
    return String((x as { kind: string }).kind);
  return JSON.stringify(x) ?? String(x);
}
