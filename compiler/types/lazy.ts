// Deferred resolution of objects: a method whose signature has not been checked yet (the
// checker resolves package-level declarations on demand) or a method of a generic type's
// instance, whose signature is substituted on first use.

import type { Func } from "./object.js";

const pending = new WeakMap<Func, () => void>();

/** setLazy registers how to fill in f.type when it is first needed. */
export function setLazy(f: Func, resolve: () => void): void {
  pending.set(f, resolve);
}

/** ensureFunc makes sure f's signature is available. */
export function ensureFunc(f: Func): Func {
  const r = pending.get(f);
  if (r) {
    pending.delete(f);
    r();
  }
  return f;
}
