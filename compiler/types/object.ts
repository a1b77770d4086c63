// Objects: the named language entities that identifiers denote (Go spec "Declarations and
// scope"): packages, constants, types, variables, functions, labels, builtins and nil.

import { basename } from "node:path";

import type { ConstValue } from "./constant.js";
import type { Scope } from "./scope.js";
import type { Signature, Type } from "./type.js";

/** Obj is any object. */
export type Obj = PkgName | Const | TypeName | Var | Func | Label | Builtin | Nil;

/** Package is a Go package as the checker sees it: its path, name and package scope. */
export class Package {
  /** imports are the packages this one imports directly, in import-path order. */
  imports: Package[] = [];
  /** goVersion is the language version from go.mod ("go1.22"), which fixes loop-variable semantics. */
  goVersion = "";
  constructor(
    readonly path: string,
    public name: string,
    readonly scope: Scope,
  ) {}
}

/** ObjectBase holds what every object has: name, declaring package, position and type. */
abstract class ObjectBase {
  /** parent is the scope that declares the object (null for fields, methods, and universe objects). */
  parent: Scope | null = null;
  constructor(
    /** pkg is null for universe objects. */
    readonly pkg: Package | null,
    readonly name: string,
    public type: Type,
    /** pos is the declaring identifier's byte offset, -1 for predeclared objects. */
    readonly pos: number,
    /** file identifies the declaring source file's name (for diagnostics), "" if none. */
    readonly file: string = "",
  ) {}

  /** exported reports whether the name starts with an upper-case letter. */
  get exported(): boolean {
    return /^\p{Lu}/u.test(this.name);
  }
}

/** PkgName is an imported package's name in a file scope. */
export class PkgName extends ObjectBase {
  readonly tag = "PkgName";
  used = false;
  imported!: Package;
}

/** Const is a declared constant with its exact value. */
export class Const extends ObjectBase {
  readonly tag = "Const";
  val!: ConstValue;
}

/** TypeName is a declared type, alias or type parameter name. */
export class TypeName extends ObjectBase {
  readonly tag = "TypeName";
  isAlias = false;
  /** decodedLocalKey is localKey as export data recorded it (objects read back from it). */
  decodedLocalKey = "";

  /**
   * localKey tells apart types declared inside functions, which may share a name: the
   * declaration's file base name and offset (`·a.go:35`); "" for package-level types. Symbol
   * names and export data carry it; type strings as reflect shows them do not.
   */
  get localKey(): string {
    if (this.decodedLocalKey) return this.decodedLocalKey;
    const s = this.parent;
    if (!s || s.what.startsWith("package") || s.what === "universe") return "";
    return `·${basename(this.file)}:${this.pos}`;
  }
}

/** Var is a variable, parameter, result or struct field. */
export class Var extends ObjectBase {
  readonly tag = "Var";
  isField = false;
  /** embedded is true for an embedded struct field. */
  embedded = false;
  used = false;
  /** isParam is true for parameters and results. */
  isParam = false;
}

/** Func is a declared function or method (or an interface method); type is a Signature. */
export class Func extends ObjectBase {
  readonly tag = "Func";
  /** hasPtrRecv is true for methods declared on *T. */
  hasPtrRecv = false;
  /** origin is the generic method or function this is an instantiation of, if any. */
  origin: Func | null = null;
  get sig(): Signature {
    return this.type as Signature;
  }
  /** fullName is gc's symbol spelling: pkg.F, pkg.T.M or pkg.(*T).M. */
  fullName = "";
}

/** Label is a statement label. */
export class Label extends ObjectBase {
  readonly tag = "Label";
  used = false;
}

/** BuiltinName lists the predeclared functions and unsafe's functions. */
export type BuiltinName =
  | "append"
  | "cap"
  | "clear"
  | "close"
  | "complex"
  | "copy"
  | "delete"
  | "imag"
  | "len"
  | "make"
  | "max"
  | "min"
  | "new"
  | "panic"
  | "print"
  | "println"
  | "real"
  | "recover"
  | "Add"
  | "Alignof"
  | "Offsetof"
  | "Sizeof"
  | "Slice"
  | "SliceData"
  | "String"
  | "StringData";

/** Builtin is a predeclared function (or one of unsafe's). */
export class Builtin extends ObjectBase {
  readonly tag = "Builtin";
  builtin!: BuiltinName;
}

/** Nil is the predeclared nil. */
export class Nil extends ObjectBase {
  readonly tag = "Nil";
}

/** objectKind names what kind of object obj is, as gc's messages do ("package-level variable"). */
export function objectKind(obj: Obj): string {
  switch (obj.tag) {
    case "PkgName":
      return "package name";
    case "Const":
      return "constant";
    case "TypeName":
      return obj.isAlias
        ? "type alias"
        : obj.type.tag === "TypeParam"
          ? "type parameter"
          : "defined type";
    case "Var":
      if (obj.isField) return "struct field";
      if (obj.isParam) return "parameter";
      return obj.parent !== null && obj.pkg !== null && obj.parent === obj.pkg.scope
        ? "package-level variable"
        : "local variable";
    case "Func":
      return obj.type.tag === "Signature" && obj.sig.recv ? "method" : "function";
    case "Label":
      return "label";
    case "Builtin":
      return "built-in function";
    case "Nil":
      return "untyped nil";
  }
}
