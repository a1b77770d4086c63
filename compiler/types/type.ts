// The representation of Go types (Go spec "Types"): basic types, composite types, named types,
// type parameters and the tuples that signatures use. Identity and the rest of the type
// relations live in their own files; this file only defines the shapes.

import type { Func, TypeName, Var } from "./object.js";

/** Type is any Go type. */
export type Type =
  | Basic
  | Pointer
  | Slice
  | ArrayT
  | MapT
  | Chan
  | Struct
  | Tuple
  | Signature
  | Interface
  | Named
  | TypeParam
  | Union
  | Alias;

/** BasicKind names the predeclared types and the untyped constant kinds. */
export type BasicKind =
  | "invalid"
  | "bool"
  | "int"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "uintptr"
  | "float32"
  | "float64"
  | "complex64"
  | "complex128"
  | "string"
  | "unsafe.Pointer"
  | "untyped bool"
  | "untyped int"
  | "untyped rune"
  | "untyped float"
  | "untyped complex"
  | "untyped string"
  | "untyped nil";

/** Basic is a predeclared type; `byte` and `rune` are the same objects as uint8 and int32. */
export class Basic {
  readonly tag = "Basic";
  constructor(
    readonly kind: BasicKind,
    /** name is how the type prints: "int", "byte", "untyped int". */
    readonly name: string,
  ) {}
}

export class Pointer {
  readonly tag = "Pointer";
  constructor(readonly elem: Type) {}
}

export class Slice {
  readonly tag = "Slice";
  constructor(readonly elem: Type) {}
}

/** ArrayT is `[len]elem`; len is -1 while unknown after an error. */
export class ArrayT {
  readonly tag = "Array";
  constructor(
    readonly len: number,
    readonly elem: Type,
  ) {}
}

export class MapT {
  readonly tag = "Map";
  constructor(
    readonly key: Type,
    readonly elem: Type,
  ) {}
}

/** ChanDir is a channel's direction. */
export type ChanDir = "both" | "send" | "recv";

export class Chan {
  readonly tag = "Chan";
  constructor(
    readonly dir: ChanDir,
    readonly elem: Type,
  ) {}
}

/** Struct lists its fields (Vars with isField) and their tags ("" when none). */
export class Struct {
  readonly tag = "Struct";
  constructor(
    readonly fields: Var[],
    readonly tags: string[],
  ) {}
}

/** Tuple is an ordered list of variables: parameters, results, or a multi-value expression. */
export class Tuple {
  readonly tag = "Tuple";
  constructor(readonly vars: Var[]) {}
}

/** Signature is a function type; recv is set for methods; the last parameter of a variadic one is a slice. */
export class Signature {
  readonly tag = "Signature";
  constructor(
    readonly params: Tuple,
    readonly results: Tuple,
    readonly variadic: boolean,
    public recv: Var | null = null,
    public typeParams: TypeParam[] = [],
    /** recvTypeParams are the receiver type parameters of a method of a generic type. */
    public recvTypeParams: TypeParam[] = [],
  ) {}
}

/** Term is one term of a union: `T` or `~T`. */
export interface Term {
  tilde: boolean;
  type: Type;
}

/** Union is a constraint union `A | ~B`; it appears only inside interfaces. */
export class Union {
  readonly tag = "Union";
  constructor(readonly terms: Term[]) {}
}

/** TypeSet is an interface's computed type set: all methods, and the terms (null = all types). */
export interface TypeSet {
  methods: Func[];
  terms: Term[] | null;
  comparable: boolean;
}

/** Interface lists declared methods and embedded elements; typeSet is computed on demand. */
export class Interface {
  readonly tag = "Interface";
  /** typeSetCache is filled by the checker's type-set computation. */
  typeSetCache: TypeSet | null = null;
  /** implicit is true for `[T ~int]` style constraints written without `interface{}`. */
  implicit = false;
  constructor(
    readonly methods: Func[],
    readonly embeddeds: Type[],
  ) {}
}

/**
 * Named is a defined type (`type T ...`) or an instance of a generic one (origin set, typeArgs
 * the arguments). underlying is set once the declaration has been checked.
 */
export class Named {
  readonly tag = "Named";
  private _underlying: Type;
  private _methods: Func[] = [];
  /**
   * expand, when set, fills in underlying and methods on first access (instances of generic
   * types are expanded lazily so that recursive generic types terminate).
   */
  expand: ((n: Named) => void) | null = null;
  constructor(
    readonly obj: TypeName,
    underlying: Type | null,
    readonly typeParams: TypeParam[] = [],
    readonly typeArgs: Type[] = [],
    readonly origin: Named | null = null,
  ) {
    this._underlying = underlying ?? INVALID_PLACEHOLDER;
  }

  private resolve(): void {
    const f = this.expand;
    if (f) {
      this.expand = null;
      f(this);
    }
  }

  /** underlying is the underlying type (never a Named), once the declaration has been checked. */
  get underlying(): Type {
    this.resolve();
    return this._underlying;
  }
  set underlying(t: Type) {
    this._underlying = t;
  }

  /** methods are the declared methods, in source order (for an instance: instantiated copies). */
  get methods(): Func[] {
    this.resolve();
    return this._methods;
  }
  set methods(ms: Func[]) {
    this._methods = ms;
  }
}

/** TypeParam is a type parameter of a generic function or type. */
export class TypeParam {
  readonly tag = "TypeParam";
  constraint: Type;
  constructor(
    readonly obj: TypeName,
    readonly index: number,
    constraint: Type | null,
  ) {
    this.constraint = constraint ?? INVALID_PLACEHOLDER;
  }
}

/** Alias is `type A = T` when materialised (Go 1.24+ aliases, possibly generic). */
export class Alias {
  readonly tag = "Alias";
  constructor(
    readonly obj: TypeName,
    public rhs: Type,
    readonly typeParams: TypeParam[] = [],
    readonly typeArgs: Type[] = [],
  ) {}
}

/** INVALID_PLACEHOLDER is the type of things not yet (or never successfully) checked. */
const INVALID_PLACEHOLDER = new Basic("invalid", "invalid type");

/** Typ holds the predeclared basic types, by kind. */
export const Typ: Record<BasicKind, Basic> = {
  invalid: INVALID_PLACEHOLDER,
  bool: new Basic("bool", "bool"),
  int: new Basic("int", "int"),
  int8: new Basic("int8", "int8"),
  int16: new Basic("int16", "int16"),
  int32: new Basic("int32", "int32"),
  int64: new Basic("int64", "int64"),
  uint: new Basic("uint", "uint"),
  uint8: new Basic("uint8", "uint8"),
  uint16: new Basic("uint16", "uint16"),
  uint32: new Basic("uint32", "uint32"),
  uint64: new Basic("uint64", "uint64"),
  uintptr: new Basic("uintptr", "uintptr"),
  float32: new Basic("float32", "float32"),
  float64: new Basic("float64", "float64"),
  complex64: new Basic("complex64", "complex64"),
  complex128: new Basic("complex128", "complex128"),
  string: new Basic("string", "string"),
  "unsafe.Pointer": new Basic("unsafe.Pointer", "unsafe.Pointer"),
  "untyped bool": new Basic("untyped bool", "untyped bool"),
  "untyped int": new Basic("untyped int", "untyped int"),
  "untyped rune": new Basic("untyped rune", "untyped rune"),
  "untyped float": new Basic("untyped float", "untyped float"),
  "untyped complex": new Basic("untyped complex", "untyped complex"),
  "untyped string": new Basic("untyped string", "untyped string"),
  "untyped nil": new Basic("untyped nil", "untyped nil"),
};

/** byteType and runeType are the aliases byte = uint8 and rune = int32 (they print as such). */
export const byteType = new Basic("uint8", "byte");
export const runeType = new Basic("int32", "rune");
