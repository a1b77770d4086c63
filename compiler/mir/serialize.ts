// pkg.mir: a compact, deterministic byte form of a MirPackage. The payload is JSON built from
// positional arrays (no key names) with a type table, behind a magic line that names the
// format version. The same package always serialises to the same bytes.

import { InternalError } from "../diag.js";
import type {
  Block,
  Body,
  Callee,
  ConstVal,
  Global,
  GlobalInit,
  InlineScope,
  Local,
  MirPackage,
  Operand,
  Place,
  Projection,
  Rvalue,
  Statement,
  Terminator,
} from "./mir.js";
import { typeStr, type MirType } from "./types.js";

const MAGIC = "rogmir 3\n";

type J = null | boolean | number | string | J[];

/** serializeMir encodes a package as pkg.mir bytes. */
export function serializeMir(pkg: MirPackage): Uint8Array {
  const w = new Writer();
  const globals = pkg.globals.map((g) => w.global(g));
  const bodies = pkg.bodies.map((b) => w.body(b));
  const externs = (pkg.externs ?? []).map((e): J => [e.sym, e.pkg, e.recv, e.name, hex(e.targs)]);
  const doc: J = [pkg.path, w.types, globals, bodies];
  if (externs.length) doc.push(externs);
  return new TextEncoder().encode(MAGIC + JSON.stringify(doc));
}

/** deserializeMir decodes pkg.mir bytes. */
export function deserializeMir(bytes: Uint8Array): MirPackage {
  const text = new TextDecoder().decode(bytes);
  if (!text.startsWith(MAGIC)) throw new InternalError("pkg.mir: bad magic or version");
  const [path, types, globals, bodies, externs] = JSON.parse(text.slice(MAGIC.length)) as [
    string,
    J[],
    J[],
    J[],
    [string, string, string, string, string][] | undefined,
  ];
  const r = new Reader(types);
  const pkg: MirPackage = {
    path,
    globals: globals.map((g) => r.global(g)),
    bodies: bodies.map((b) => r.body(b)),
  };
  if (externs) {
    pkg.externs = externs.map(([sym, p, recv, name, targs]) => ({
      sym,
      pkg: p,
      recv,
      name,
      targs: unhex(targs),
    }));
  }
  return pkg;
}

/** lineOut encodes a line, with its inline scope when it has one. */
function lineOut(x: { line: number; scope?: number }): J {
  return x.scope === undefined ? x.line : [x.line, x.scope];
}

/** lineIn sets x's line (and scope) from lineOut's encoding. */
function lineIn<T extends { line: number; scope?: number }>(x: T, j: J): T {
  if (Array.isArray(j)) {
    x.line = j[0] as number;
    x.scope = j[1] as number;
  } else {
    x.line = j as number;
  }
  return x;
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

function unhex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "hex"));
}

/** Writer holds the type table being built; types are referred to by index. */
class Writer {
  readonly types: J[] = [];
  private readonly typeIds = new Map<string, number>();

  type(t: MirType): number {
    const key = typeStr(t);
    const id = this.typeIds.get(key);
    if (id !== undefined) return id;
    let enc: J;
    switch (t.k) {
      case "int":
        enc = ["int", t.bits, t.signed];
        break;
      case "float":
      case "complex":
        enc = [t.k, t.bits];
        break;
      case "struct":
        enc = ["struct", t.fields.map((f) => this.type(f))];
        break;
      case "array":
        enc = ["array", t.len, this.type(t.elem)];
        break;
      default:
        enc = [t.k];
    }
    const n = this.types.length;
    this.types.push(enc);
    this.typeIds.set(key, n);
    return n;
  }

  global(g: Global): J {
    const enc: J[] = [g.sym, this.type(g.ty), this.init(g.init), g.linkage, g.constant];
    if (g.typelink) enc.push(1);
    return enc;
  }

  init(i: GlobalInit): J {
    switch (i.g) {
      case "zero":
        return ["z"];
      case "const":
        return ["c", this.cval(i.v)];
      case "agg":
        return ["a", i.parts.map((p) => this.init(p))];
      case "bytes":
        return i.size === undefined ? ["b", hex(i.v)] : ["b", hex(i.v), i.size];
    }
  }

  body(b: Body): J {
    const locals = b.locals.map((l): J => [this.type(l.ty), l.name]);
    const blocks = b.blocks.map((blk): J => {
      const enc: J[] = [blk.stmts.map((s) => this.stmt(s)), this.term(blk.term)];
      if (blk.cleanup) enc.push(1);
      return enc;
    });
    const enc: J[] = [b.sym, b.linkage, b.nparams, b.ctx, b.exc, b.file, b.line, locals, blocks];
    if (b.scopes?.length || b.noinline) {
      enc.push(
        b.scopes?.map((sc): J => {
          const e: J[] = [sc.sym, sc.file, sc.line, sc.parent, sc.callLine];
          if (sc.lexical) e.push(1);
          return e;
        }) ?? [],
      );
    }
    if (b.noinline) enc.push(1);
    return enc;
  }

  stmt(s: Statement): J {
    return [this.place(s.place), this.rvalue(s.rv), lineOut(s)];
  }

  place(p: Place): J {
    const proj = p.proj.map((pr): J => {
      switch (pr.p) {
        case "field":
          return pr.i;
        case "index":
          return ["i", this.operand(pr.idx)];
        case "deref":
          return ["d", this.type(pr.ty)];
      }
    });
    return [p.local, proj];
  }

  cval(v: ConstVal): J {
    switch (v.c) {
      case "int":
        return ["i", v.v.toString()];
      case "float":
        return ["f", floatBits(v.v)];
      case "bool":
        return ["b", v.v];
      case "str":
        return ["s", hex(v.v)];
      case "zero":
        return ["z"];
      case "sym":
        return ["y", v.sym, v.fn];
    }
  }

  operand(o: Operand): J {
    if (o.o === "copy") return ["p", this.place(o.place)];
    return ["k", this.type(o.ty), this.cval(o.v)];
  }

  rvalue(r: Rvalue): J {
    const o = (x: Operand) => this.operand(x);
    switch (r.r) {
      case "use":
        return ["use", o(r.op)];
      case "bin":
        return ["bin", r.op, o(r.a), o(r.b)];
      case "un":
        return ["un", r.op, o(r.a)];
      case "conv":
      case "bitcast":
        return [r.r, o(r.a), this.type(r.ty)];
      case "ref":
        return ["ref", this.place(r.place)];
      case "agg":
        return ["agg", this.type(r.ty), r.ops.map(o)];
      case "offset":
        return ["off", o(r.ptr), o(r.idx), this.type(r.elem)];
    }
  }

  callee(c: Callee): J {
    switch (c.c) {
      case "fn":
      case "rt":
        return [c.c, c.sym];
      case "closure":
        return ["closure", this.operand(c.fv)];
      case "ptr":
        return ["ptr", this.operand(c.fn), this.operand(c.ctx)];
    }
  }

  term(t: Terminator): J {
    const o = (x: Operand) => this.operand(x);
    switch (t.t) {
      case "goto":
        return ["goto", t.target, lineOut(t)];
      case "switch":
        return [
          "switch",
          o(t.op),
          t.cases.map(([v, b]): J => [v.toString(), b]),
          t.otherwise,
          lineOut(t),
        ];
      case "call":
        return [
          "call",
          this.callee(t.callee),
          t.args.map(o),
          this.type(t.retTy),
          t.dest ? this.place(t.dest) : null,
          t.target,
          t.unwind,
          lineOut(t),
        ];
      case "assert":
        return [
          "assert",
          o(t.cond),
          t.expected,
          t.kind,
          t.args.map(o),
          t.target,
          t.unwind,
          lineOut(t),
        ];
      case "return":
      case "unreachable":
        return [t.t, lineOut(t)];
    }
  }
}

/** floatBits encodes a double exactly (NaN payloads and -0 included) as 16 hex digits. */
function floatBits(v: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  return dv.getBigUint64(0).toString(16).padStart(16, "0");
}

function bitsFloat(s: string): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt("0x" + s));
  return dv.getFloat64(0);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type A = any;

/** Reader decodes against the package's type table. */
class Reader {
  private readonly cache: MirType[] = [];
  constructor(private readonly table: J[]) {}

  type(id: number): MirType {
    const hit = this.cache[id];
    if (hit) return hit;
    const e = this.table[id] as A[];
    let t: MirType;
    switch (e[0]) {
      case "int":
        t = { k: "int", bits: e[1], signed: e[2] };
        break;
      case "float":
      case "complex":
        t = { k: e[0], bits: e[1] };
        break;
      case "struct":
        t = { k: "struct", fields: (e[1] as number[]).map((f) => this.type(f)) };
        break;
      case "array":
        t = { k: "array", len: e[1], elem: this.type(e[2]) };
        break;
      default:
        t = { k: e[0] } as MirType;
    }
    this.cache[id] = t;
    return t;
  }

  global(j: J): Global {
    const [sym, ty, init, linkage, constant, typelink] = j as A[];
    const g: Global = { sym, ty: this.type(ty), init: this.init(init), linkage, constant };
    if (typelink) g.typelink = true;
    return g;
  }

  init(j: J): GlobalInit {
    const e = j as A[];
    switch (e[0]) {
      case "z":
        return { g: "zero" };
      case "c":
        return { g: "const", v: this.cval(e[1]) };
      case "a":
        return { g: "agg", parts: (e[1] as J[]).map((p) => this.init(p)) };
      default:
        return e.length > 2
          ? { g: "bytes", v: unhex(e[1]), size: e[2] as number }
          : { g: "bytes", v: unhex(e[1]) };
    }
  }

  body(j: J): Body {
    const [sym, linkage, nparams, ctx, exc, file, line, locals, blocks, scopes, noinline] =
      j as A[];
    const b: Body = {
      sym,
      linkage,
      nparams,
      ctx,
      exc,
      file,
      line,
      locals: (locals as A[]).map((l): Local => ({ ty: this.type(l[0]), name: l[1] })),
      blocks: (blocks as A[]).map((b): Block => {
        const blk: Block = { stmts: (b[0] as J[]).map((s) => this.stmt(s)), term: this.term(b[1]) };
        if (b[2]) blk.cleanup = true;
        return blk;
      }),
    };
    if (noinline) b.noinline = true;
    if (scopes?.length) {
      b.scopes = (scopes as A[]).map(([sym, file, line, parent, callLine, lexical]) => {
        const sc: InlineScope = { sym, file, line, parent, callLine };
        if (lexical) sc.lexical = true;
        return sc;
      });
    }
    return b;
  }

  stmt(j: J): Statement {
    const [p, rv, line] = j as A[];
    return lineIn({ s: "assign", place: this.place(p), rv: this.rvalue(rv), line: 0 }, line);
  }

  place(j: J): Place {
    const [local, proj] = j as A[];
    return {
      local,
      proj: (proj as A[]).map((pr): Projection => {
        if (typeof pr === "number") return { p: "field", i: pr };
        if (pr[0] === "i") return { p: "index", idx: this.operand(pr[1]) };
        return { p: "deref", ty: this.type(pr[1]) };
      }),
    };
  }

  cval(j: J): ConstVal {
    const e = j as A[];
    switch (e[0]) {
      case "i":
        return { c: "int", v: BigInt(e[1]) };
      case "f":
        return { c: "float", v: bitsFloat(e[1]) };
      case "b":
        return { c: "bool", v: e[1] };
      case "s":
        return { c: "str", v: unhex(e[1]) };
      case "z":
        return { c: "zero" };
      default:
        return { c: "sym", sym: e[1], fn: e[2] };
    }
  }

  operand(j: J): Operand {
    const e = j as A[];
    if (e[0] === "p") return { o: "copy", place: this.place(e[1]) };
    return { o: "const", ty: this.type(e[1]), v: this.cval(e[2]) };
  }

  rvalue(j: J): Rvalue {
    const e = j as A[];
    const o = (x: J) => this.operand(x);
    switch (e[0]) {
      case "use":
        return { r: "use", op: o(e[1]) };
      case "bin":
        return { r: "bin", op: e[1], a: o(e[2]), b: o(e[3]) };
      case "un":
        return { r: "un", op: e[1], a: o(e[2]) };
      case "conv":
      case "bitcast":
        return { r: e[0], a: o(e[1]), ty: this.type(e[2]) };
      case "ref":
        return { r: "ref", place: this.place(e[1]) };
      case "agg":
        return { r: "agg", ty: this.type(e[1]), ops: (e[2] as J[]).map(o) };
      default:
        return { r: "offset", ptr: o(e[1]), idx: o(e[2]), elem: this.type(e[3]) };
    }
  }

  callee(j: J): Callee {
    const e = j as A[];
    switch (e[0]) {
      case "fn":
      case "rt":
        return { c: e[0], sym: e[1] };
      case "closure":
        return { c: "closure", fv: this.operand(e[1]) };
      default:
        return { c: "ptr", fn: this.operand(e[1]), ctx: this.operand(e[2]) };
    }
  }

  term(j: J): Terminator {
    const e = j as A[];
    const o = (x: J) => this.operand(x);
    switch (e[0]) {
      case "goto":
        return lineIn({ t: "goto", target: e[1], line: 0 }, e[2]);
      case "switch":
        return lineIn(
          {
            t: "switch",
            op: o(e[1]),
            cases: (e[2] as A[]).map((c): [bigint, number] => [BigInt(c[0]), c[1]]),
            otherwise: e[3],
            line: 0,
          },
          e[4],
        );
      case "call":
        return lineIn(
          {
            t: "call",
            callee: this.callee(e[1]),
            args: (e[2] as J[]).map(o),
            retTy: this.type(e[3]),
            dest: e[4] === null ? null : this.place(e[4]),
            target: e[5],
            unwind: e[6],
            line: 0,
          },
          e[7],
        );
      case "assert":
        return lineIn(
          {
            t: "assert",
            cond: o(e[1]),
            expected: e[2],
            kind: e[3],
            args: (e[4] as J[]).map(o),
            target: e[5],
            unwind: e[6],
            line: 0,
          },
          e[7],
        );
      default:
        return lineIn({ t: e[0], line: 0 }, e[1]);
    }
  }
}
