// Scopes (Go spec "Declarations and scope"): a tree of name-to-object maps from the universe
// down through package, file, function and block scopes.

import type { Obj } from "./object.js";

/** Scope maps names to objects; lookup walks outward through parents. */
export class Scope {
  readonly children: Scope[] = [];
  private readonly elems = new Map<string, Obj>();
  constructor(
    readonly parent: Scope | null,
    /** what names the scope for debugging ("universe", "package fmt", "func main"). */
    readonly what: string,
    /** pos and end delimit the scope's source extent (byte offsets), -1 when none. */
    readonly pos = -1,
    readonly end = -1,
  ) {
    parent?.children.push(this);
  }

  /** lookup returns the object named name in this scope only. */
  lookup(name: string): Obj | undefined {
    return this.elems.get(name);
  }

  /** lookupParent finds name here or in an enclosing scope, with the scope that has it. */
  lookupParent(name: string): [Scope, Obj] | null {
    for (let s: Scope | null = this; s; s = s.parent) {
      const o = s.elems.get(name);
      if (o) return [s, o];
    }
    return null;
  }

  /** insert adds obj unless the name is taken; it returns the existing object in that case. */
  insert(obj: Obj): Obj | undefined {
    const old = this.elems.get(obj.name);
    if (old) return old;
    this.elems.set(obj.name, obj);
    if (obj.parent === null) obj.parent = this;
    return undefined;
  }

  /** names returns the declared names, sorted (deterministic export data depends on it). */
  names(): string[] {
    return [...this.elems.keys()].sort();
  }
}
