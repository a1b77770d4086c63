// Sizes, alignments and field offsets with gc's layout for linux/amd64 (Go spec "Size and
// alignment guarantees"): what unsafe.Sizeof/Alignof/Offsetof report and the MIR lays out.

import { under } from "./predicates.js";
import { Struct, type Type } from "./type.js";

const WORD = 8n;

const basicSizes: Record<string, bigint> = {
  bool: 1n,
  int8: 1n,
  uint8: 1n,
  int16: 2n,
  uint16: 2n,
  int32: 4n,
  uint32: 4n,
  float32: 4n,
  int64: 8n,
  uint64: 8n,
  int: 8n,
  uint: 8n,
  uintptr: 8n,
  float64: 8n,
  complex64: 8n,
  complex128: 16n,
  string: 16n,
  "unsafe.Pointer": 8n,
};

const offsetsCache = new WeakMap<Struct, bigint[]>();

/** alignof returns the alignment of t in bytes. */
export function alignof(t: Type): bigint {
  const u = under(t);
  switch (u.tag) {
    case "Basic":
      if (u.kind === "complex64") return 4n;
      if (u.kind === "complex128" || u.kind === "string") return 8n;
      return basicSizes[u.kind] ?? 1n;
    case "Array":
      return alignof(u.elem);
    case "Struct": {
      let a = 1n;
      for (const f of u.fields) {
        const fa = alignof(f.type);
        if (fa > a) a = fa;
      }
      return a;
    }
    default:
      return WORD;
  }
}

/** sizeof returns the size of t in bytes. */
export function sizeof(t: Type): bigint {
  const u = under(t);
  switch (u.tag) {
    case "Basic":
      return basicSizes[u.kind] ?? 8n;
    case "Array": {
      if (u.len <= 0) return 0n;
      return BigInt(u.len) * sizeof(u.elem);
    }
    case "Slice":
      return 3n * WORD;
    case "Interface":
      return 2n * WORD;
    case "Struct": {
      const n = u.fields.length;
      if (n === 0) return 0n;
      const offs = offsetsof(u);
      let size = offs[n - 1] + sizeof(u.fields[n - 1].type);
      // gc pads a struct ending in a zero-size field so that &s.last never points past s.
      if (sizeof(u.fields[n - 1].type) === 0n && size > 0n) size += 1n;
      return align(size, alignof(u));
    }
    default:
      return WORD;
  }
}

/** offsetsof returns the byte offset of each field of s. */
export function offsetsof(s: Struct): bigint[] {
  const cached = offsetsCache.get(s);
  if (cached) return cached;
  const out: bigint[] = [];
  let off = 0n;
  for (const f of s.fields) {
    off = align(off, alignof(f.type));
    out.push(off);
    off += sizeof(f.type);
  }
  offsetsCache.set(s, out);
  return out;
}

function align(x: bigint, a: bigint): bigint {
  return ((x + a - 1n) / a) * a;
}
