// The universe scope (Go spec "Predeclared identifiers") and the built-in package unsafe
// (Go spec "Package unsafe"): predeclared types, constants, nil and the builtin functions.

import { Builtin, Const, Func, Nil, Package, TypeName, Var } from "./object.js";
import type { BuiltinName } from "./object.js";
import { Scope } from "./scope.js";
import {
  Basic,
  Interface,
  Named,
  Signature,
  Tuple,
  Typ,
  byteType,
  runeType,
  type BasicKind,
  type Type,
} from "./type.js";

/** universe is the outermost scope, shared by every package. */
export const universe = new Scope(null, "universe");

const predeclaredKinds: BasicKind[] = [
  "bool",
  "int",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "uintptr",
  "float32",
  "float64",
  "complex64",
  "complex128",
  "string",
];

function defType(name: string, t: Type): TypeName {
  const tn = new TypeName(null, name, t, -1);
  universe.insert(tn);
  return tn;
}

for (const k of predeclaredKinds) defType(k, Typ[k]);
defType("byte", byteType).isAlias = true;
defType("rune", runeType).isAlias = true;

/** anyType is the empty interface `any` (an alias of interface{}). */
export const emptyInterface = new Interface([], []);
export const anyType = emptyInterface;
defType("any", anyType).isAlias = true;

/** errorType is the predeclared `error` interface. */
const errorObj = new TypeName(null, "error", Typ.invalid, -1);
export const errorType = new Named(errorObj, null);
{
  const res = new Var(null, "", Typ.string, -1);
  res.isParam = true;
  const recv = new Var(null, "", errorType, -1);
  const sig = new Signature(new Tuple([]), new Tuple([res]), false, recv);
  const m = new Func(null, "Error", sig, -1);
  m.fullName = "error.Error";
  const iface = new Interface([m], []);
  errorType.underlying = iface;
  errorObj.type = errorType;
  universe.insert(errorObj);
}

/** comparableType is the predeclared constraint `comparable`. */
const comparableObj = new TypeName(null, "comparable", Typ.invalid, -1);
export const comparableType = new Named(comparableObj, null);
{
  const iface = new Interface([], []);
  iface.typeSetCache = { methods: [], terms: null, comparable: true };
  comparableType.underlying = iface;
  comparableObj.type = comparableType;
  universe.insert(comparableObj);
}

for (const [name, v] of [
  ["true", true],
  ["false", false],
] as const) {
  const c = new Const(null, name, Typ["untyped bool"], -1);
  c.val = { kind: "bool", value: v };
  universe.insert(c);
}

/** iotaObj is the predeclared iota; its value depends on the const spec being checked. */
export const iotaObj = new Const(null, "iota", Typ["untyped int"], -1);
iotaObj.val = { kind: "int", value: 0n };
universe.insert(iotaObj);

universe.insert(new Nil(null, "nil", Typ["untyped nil"], -1));

const universeBuiltins: BuiltinName[] = [
  "append",
  "cap",
  "clear",
  "close",
  "complex",
  "copy",
  "delete",
  "imag",
  "len",
  "make",
  "max",
  "min",
  "new",
  "panic",
  "print",
  "println",
  "real",
  "recover",
];

function mkBuiltin(pkg: Package | null, name: BuiltinName): Builtin {
  const b = new Builtin(pkg, name, Typ.invalid, -1);
  b.builtin = name;
  return b;
}

for (const name of universeBuiltins) universe.insert(mkBuiltin(null, name));

/** unsafePackage is the built-in package unsafe. */
export const unsafePackage = new Package("unsafe", "unsafe", new Scope(universe, "package unsafe"));
{
  const ptr = new TypeName(unsafePackage, "Pointer", Typ["unsafe.Pointer"], -1);
  unsafePackage.scope.insert(ptr);
  for (const name of [
    "Add",
    "Alignof",
    "Offsetof",
    "Sizeof",
    "Slice",
    "SliceData",
    "String",
    "StringData",
  ] as BuiltinName[]) {
    unsafePackage.scope.insert(mkBuiltin(unsafePackage, name));
  }
}

/** isUniverseBasic reports whether t is one of the shared Basic objects. */
export function isPredeclared(t: Type): t is Basic {
  return t instanceof Basic;
}
