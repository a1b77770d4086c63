// Exact constant values (Go spec "Constants"): booleans, strings, arbitrary-precision integers,
// and rationals for floats and complex parts, so untyped arithmetic is exact. Operations on them
// live in the checker's constant arithmetic; this file fixes the representation.

/** ConstValue is an exact constant; floats are num/den rationals (den > 0), reduced. */
export type ConstValue =
  | { kind: "bool"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "int"; value: bigint }
  | { kind: "float"; num: bigint; den: bigint }
  | { kind: "complex"; re: { num: bigint; den: bigint }; im: { num: bigint; den: bigint } }
  | { kind: "unknown" };
