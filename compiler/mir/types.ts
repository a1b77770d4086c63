// MIR types: Go types lowered to the shapes code generation needs (ABI.md §1). Pointer-shaped
// Go types (pointers, maps, channels, funcs, unsafe.Pointer) all become `ptr`; named types
// become their underlying shape. The Go type string survives only where it is needed (type
// descriptors), not in the type itself.

/** MirType is a lowered type. Integers carry their signedness because operations need it. */
export type MirType =
  | { k: "void" }
  | { k: "bool" }
  | { k: "int"; bits: 8 | 16 | 32 | 64; signed: boolean }
  | { k: "float"; bits: 32 | 64 }
  | { k: "complex"; bits: 64 | 128 }
  | { k: "ptr" }
  | { k: "string" }
  | { k: "slice" }
  | { k: "iface" }
  | { k: "struct"; fields: MirType[] }
  | { k: "array"; len: number; elem: MirType };

export const VOID: MirType = { k: "void" };
export const BOOL: MirType = { k: "bool" };
export const PTR: MirType = { k: "ptr" };
export const STRING: MirType = { k: "string" };
export const SLICE: MirType = { k: "slice" };
export const IFACE: MirType = { k: "iface" };
export const I8: MirType = { k: "int", bits: 8, signed: true };
export const I32: MirType = { k: "int", bits: 32, signed: true };
export const I64: MirType = { k: "int", bits: 64, signed: true };
export const U8: MirType = { k: "int", bits: 8, signed: false };
export const U32: MirType = { k: "int", bits: 32, signed: false };
export const U64: MirType = { k: "int", bits: 64, signed: false };
export const F32: MirType = { k: "float", bits: 32 };
export const F64: MirType = { k: "float", bits: 64 };

/** intType returns the integer type of the given width and signedness. */
export function intType(bits: 8 | 16 | 32 | 64, signed: boolean): MirType {
  return { k: "int", bits, signed };
}

/** structType returns a struct of the given fields. */
export function structType(fields: MirType[]): MirType {
  return { k: "struct", fields };
}

/** arrayType returns `[len]elem`. */
export function arrayType(len: number, elem: MirType): MirType {
  return { k: "array", len, elem };
}

/** typeStr renders a type compactly; it is also the key used for type identity. */
export function typeStr(t: MirType): string {
  switch (t.k) {
    case "void":
    case "bool":
    case "ptr":
    case "slice":
    case "iface":
      return t.k;
    case "string":
      return "str";
    case "int":
      return `${t.signed ? "i" : "u"}${t.bits}`;
    case "float":
      return `f${t.bits}`;
    case "complex":
      return `c${t.bits}`;
    case "struct":
      return `{${t.fields.map(typeStr).join(", ")}}`;
    case "array":
      return `[${t.len} x ${typeStr(t.elem)}]`;
  }
}

/** sameType reports structural identity of two MIR types. */
export function sameType(a: MirType, b: MirType): boolean {
  return a === b || typeStr(a) === typeStr(b);
}

/** partTypes gives the component types of the built-in pair/triple shapes and of structs. */
export function partTypes(t: MirType): MirType[] | null {
  switch (t.k) {
    case "string":
      return [PTR, I64];
    case "slice":
      return [PTR, I64, I64];
    case "iface":
      return [PTR, PTR];
    case "complex":
      return t.bits === 64 ? [F32, F32] : [F64, F64];
    case "struct":
      return t.fields;
    default:
      return null;
  }
}

/** sizeOf is the type's size in bytes with gc's amd64 layout. */
export function sizeOf(t: MirType): number {
  switch (t.k) {
    case "void":
      return 0;
    case "bool":
      return 1;
    case "int":
    case "float":
      return t.bits / 8;
    case "complex":
      return t.bits / 8;
    case "ptr":
      return 8;
    case "string":
    case "iface":
      return 16;
    case "slice":
      return 24;
    case "array":
      return t.len * sizeOf(t.elem);
    case "struct":
      return structLayout(t.fields).size;
  }
}

/** alignOf is the type's alignment with gc's amd64 layout. */
export function alignOf(t: MirType): number {
  switch (t.k) {
    case "void":
    case "bool":
      return 1;
    case "int":
    case "float":
      return t.bits / 8;
    case "complex":
      return t.bits / 16;
    case "array":
      return alignOf(t.elem);
    case "struct":
      return t.fields.reduce((a, f) => Math.max(a, alignOf(f)), 1);
    default:
      return 8;
  }
}

/** structLayout computes field offsets and the padded size of a struct. */
export function structLayout(fields: MirType[]): { offsets: number[]; size: number } {
  const offsets: number[] = [];
  let off = 0;
  let align = 1;
  for (const f of fields) {
    const a = alignOf(f);
    align = Math.max(align, a);
    off = roundUp(off, a);
    offsets.push(off);
    off += sizeOf(f);
  }
  if (trailingPad(fields)) off++;
  return { offsets, size: roundUp(off, align) };
}

/**
 * trailingPad says whether a struct gets gc's extra byte after a zero-size last field, so that
 * the field's address never points at the next object (`struct{ a int; b struct{} }` is 16
 * bytes, as unsafe.Sizeof and the type checker say).
 */
export function trailingPad(fields: MirType[]): boolean {
  return (
    fields.length > 0 &&
    sizeOf(fields[fields.length - 1]) === 0 &&
    fields.some((f) => sizeOf(f) > 0)
  );
}

function roundUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** hasPointers reports whether values of the type contain pointers the GC must see. */
export function hasPointers(t: MirType): boolean {
  switch (t.k) {
    case "ptr":
    case "string":
    case "slice":
    case "iface":
      return true;
    case "array":
      return t.len > 0 && hasPointers(t.elem);
    case "struct":
      return t.fields.some(hasPointers);
    default:
      return false;
  }
}

/** isInt reports an integer type. */
export function isInt(t: MirType): t is { k: "int"; bits: 8 | 16 | 32 | 64; signed: boolean } {
  return t.k === "int";
}
