// Invalid recursive types (Go spec "Type declarations"): a type may not contain itself
// directly, only through pointers, slices, maps, channels, functions or interfaces.

import type * as ast from "../syntax/ast.js";
import type { Checker } from "./checker.js";
import { Alias, Named, Typ, type Type } from "./type.js";
import { isValid, unalias } from "./predicates.js";

const reported = new WeakSet<Named>();

/** validType reports `invalid recursive type` when named contains itself by value. */
export function validType(c: Checker, named: Named, spec: ast.TypeSpec, retry = true): void {
  const path: Named[] = [];
  const valid = new Set<Named>();
  let pending = false;
  const visit = (t: Type, depth: number): boolean => {
    if (depth > 64) return true;
    // An alias still being declared (see decl.ts, cycle) is known only later.
    if (t instanceof Alias && !isValid(unalias(t))) pending = true;
    t = unalias(t);
    switch (t.tag) {
      case "Array":
        return visit(t.elem, depth + 1);
      case "Struct":
        return t.fields.every((f) => visit(f.type, depth + 1));
      case "Named": {
        const key = t.origin ?? t;
        if (valid.has(t)) return true;
        const i = path.indexOf(key);
        if (i >= 0) {
          if (i === 0 && !reported.has(key)) {
            reported.add(key);
            const names = path.map((n) => n.obj.name);
            let msg = `invalid recursive type: ${key.obj.name} refers to itself`;
            if (names.length > 1) {
              msg = `invalid recursive type ${key.obj.name}`;
              for (let k = 0; k < names.length; k++)
                msg += `\n\t${names[k]} refers to ${names[(k + 1) % names.length]}`;
            }
            c.error(spec.name, msg);
            key.underlying = Typ.invalid;
          }
          return false;
        }
        if (t.obj.pkg !== c.pkg) return true;
        path.push(key);
        const ok = visit(t.underlying, depth + 1);
        path.pop();
        if (ok && t.typeArgs.length === 0) valid.add(t);
        return ok;
      }
    }
    return true;
  };
  visit(named, 0);
  if (pending && retry && !reported.has(named)) c.later(() => validType(c, named, spec, false));
}
