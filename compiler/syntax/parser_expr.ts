// Parsing of expressions and types (spec: "Expressions", "Types", "Type parameter
// declarations"), including the composite-literal ambiguity in statement headers and the
// parameter-list forms where names and types are told apart only after the whole list.

import type * as ast from "./ast.js";
import { ParserBase } from "./parser_base.js";
import { nodeString } from "./printer.js";
import { Prec, Tok } from "./tokens.js";

/** Par is one parameter while its list is being read: a name, a type, or both. */
interface Par {
  name: ast.Ident | null;
  type: ast.Expr | null;
}

/** unparen strips any parentheses around x. */
export function unparen(x: ast.Expr): ast.Expr {
  while (x.kind === "ParenExpr") x = x.x;
  return x;
}

/** ExprParser parses expressions and types; statements come from the subclass. */
export abstract class ExprParser extends ParserBase {
  /** funcBody parses a function body `{ ... }` (implemented by the statement parser). */
  protected abstract funcBody(): ast.BlockStmt;

  // ------------------------------------------------------------------------------------------
  // Expressions

  protected expr(): ast.Expr {
    return this.binaryExpr(null, Prec.None);
  }

  /** exprList parses `x { , x }`. */
  protected exprList(): ast.Expr[] {
    const list = [this.expr()];
    while (this.got(Tok.Comma)) list.push(this.expr());
    return list;
  }

  protected binaryExpr(x: ast.Expr | null, prec: Prec): ast.Expr {
    if (x === null) x = this.unaryExpr();
    const s = this.s;
    while ((s.tok === Tok.Operator || s.tok === Tok.Star) && s.prec > prec) {
      const opPos = s.pos;
      const op = s.op as ast.BinaryOp;
      const tprec = s.prec;
      this.next();
      const y = this.binaryExpr(null, tprec);
      x = { kind: "BinaryExpr", pos: x.pos, end: y.end, opPos, op, x, y };
    }
    return x;
  }

  protected unaryExpr(): ast.Expr {
    const s = this.s;
    const pos = s.pos;
    if (s.tok === Tok.Star) {
      this.next();
      const x = this.unaryExpr();
      return { kind: "StarExpr", pos, end: x.end, x };
    }
    if (s.tok === Tok.Operator) {
      const op = s.op;
      if (op === "+" || op === "-" || op === "!" || op === "^" || op === "~" || op === "&") {
        this.next();
        const x = this.unaryExpr();
        return { kind: "UnaryExpr", pos, end: x.end, op, x };
      }
    } else if (s.tok === Tok.Arrow) {
      this.next();
      // `<-x` is a receive, unless x is a channel type: then `<-chan T` is a type, and the
      // arrow turns the outermost bidirectional channel types into receive-only ones.
      const x = this.unaryExpr();
      if (x.kind === "ChanType") {
        let dir: ast.ChanDir = "send";
        let t: ast.Expr = x;
        while (dir === "send") {
          if (t.kind !== "ChanType") break;
          dir = t.dir;
          if (dir === "recv") this.syntaxError("unexpected <-, expected chan");
          t.dir = "recv";
          t = t.value;
        }
        if (dir === "send") this.syntaxError(`unexpected ${nodeString(t)}, expected chan`);
        x.pos = pos;
        return x;
      }
      return { kind: "UnaryExpr", pos, end: x.end, op: "<-", x };
    }
    return this.pexpr(null);
  }

  /** operand parses a literal, name, parenthesised expression, function literal or type. */
  protected operand(): ast.Expr {
    const s = this.s;
    const pos = s.pos;
    switch (s.tok) {
      case Tok.Name:
        return this.name();
      case Tok.Literal:
        return this.literal()!;
      case Tok.Lparen: {
        this.next();
        this.xnest++;
        const x = this.expr();
        this.xnest--;
        this.want(Tok.Rparen);
        return { kind: "ParenExpr", pos, end: this.prevEnd, x };
      }
      case Tok.Func: {
        this.next();
        const ftyp = this.funcType(pos, "function type").type;
        if (s.tok === Tok.Lbrace) {
          this.xnest++;
          const body = this.funcBody();
          this.xnest--;
          return { kind: "FuncLit", pos, end: body.end, type: ftyp, body };
        }
        return ftyp;
      }
      case Tok.Lbrack:
      case Tok.Chan:
      case Tok.Map:
      case Tok.Struct:
      case Tok.Interface:
        return this.type_();
      default: {
        const x = this.badExpr();
        this.syntaxError("expected expression");
        this.advance(Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
        return x;
      }
    }
  }

  /** pexpr parses a primary expression: an operand followed by selectors, indices, calls... */
  protected pexpr(x: ast.Expr | null): ast.Expr {
    if (x === null) x = this.operand();
    const s = this.s;
    for (;;) {
      const pos = s.pos;
      switch (s.tok) {
        case Tok.Dot:
          x = this.selectorOrAssert(x);
          continue;
        case Tok.Lbrack:
          x = this.indexOrSlice(x);
          continue;
        case Tok.Lparen: {
          this.next();
          const { args, hasDots } = this.argList();
          x = {
            kind: "CallExpr",
            pos: x.pos,
            end: this.prevEnd,
            fun: x,
            lparen: pos,
            args,
            hasDots,
            rparen: this.prevEnd - 1,
          };
          continue;
        }
        case Tok.Lbrace: {
          // `T{` starts a composite literal only where T can be a type, and in statement
          // headers only inside parentheses (xnest >= 0).
          const t = unparen(x);
          let ok = false;
          switch (t.kind) {
            case "Ident":
            case "SelectorExpr":
              ok = this.xnest >= 0;
              break;
            case "IndexExpr":
            case "IndexListExpr":
              ok = this.xnest >= 0 && !isValue(t);
              break;
            case "ArrayType":
            case "StructType":
            case "MapType":
              ok = true;
              break;
          }
          if (!ok) return x;
          if (t !== x) this.syntaxError("cannot parenthesize type in composite literal");
          x = this.complitexpr(x);
          continue;
        }
        default:
          return x;
      }
    }
  }

  private selectorOrAssert(x: ast.Expr): ast.Expr {
    const s = this.s;
    this.next(); // .
    if (s.tok === Tok.Name) {
      const sel = this.name();
      return { kind: "SelectorExpr", pos: x.pos, end: sel.end, x, sel };
    }
    if (s.tok === Tok.Lparen) {
      this.next();
      let type: ast.Expr | null = null;
      if (!this.got(Tok.Type)) type = this.type_();
      this.want(Tok.Rparen);
      return { kind: "TypeAssertExpr", pos: x.pos, end: this.prevEnd, x, type };
    }
    this.syntaxError("expected name or (");
    this.advance(Tok.Semi, Tok.Rparen);
    return x;
  }

  private indexOrSlice(x: ast.Expr): ast.Expr {
    const s = this.s;
    this.next(); // [
    let i: ast.Expr | null = null;
    if (s.tok !== Tok.Colon) {
      let list: ast.Expr[] | null = null;
      let comma = false;
      if (s.tok === Tok.Rbrack) {
        this.syntaxError("expected operand");
        i = this.badExpr();
      } else {
        ({ list, comma } = this.typeList(false));
        i = list[0];
      }
      if (comma || s.tok === Tok.Rbrack) {
        this.want(Tok.Rbrack);
        if (list !== null && list.length > 1) {
          return { kind: "IndexListExpr", pos: x.pos, end: this.prevEnd, x, indices: list };
        }
        return { kind: "IndexExpr", pos: x.pos, end: this.prevEnd, x, index: i };
      }
    }

    // x[i:j...]
    if (!this.got(Tok.Colon)) {
      this.syntaxError("expected comma, : or ]");
      this.advance(Tok.Comma, Tok.Colon, Tok.Rbrack);
    }
    this.xnest++;
    let high: ast.Expr | null = null;
    let max: ast.Expr | null = null;
    let slice3 = false;
    if (s.tok !== Tok.Colon && s.tok !== Tok.Rbrack) high = this.expr();
    if (s.tok === Tok.Colon) {
      slice3 = true;
      if (high === null) {
        this.error("middle index required in 3-index slice");
        high = this.badExpr();
      }
      this.next();
      if (s.tok !== Tok.Rbrack) max = this.expr();
      else {
        this.error("final index required in 3-index slice");
        max = this.badExpr();
      }
    }
    this.xnest--;
    this.want(Tok.Rbrack);
    return { kind: "SliceExpr", pos: x.pos, end: this.prevEnd, x, low: i, high, max, slice3 };
  }

  /** complitexpr parses `{ elements }` of a composite literal of type typ. */
  protected complitexpr(typ: ast.Expr | null): ast.CompositeLit {
    const s = this.s;
    const lbrace = s.pos;
    const elts: ast.Expr[] = [];
    this.xnest++;
    this.want(Tok.Lbrace);
    const rbrace = this.list("composite literal", Tok.Comma, Tok.Rbrace, () => {
      let e = this.bareComplitexpr();
      if (s.tok === Tok.Colon) {
        this.next();
        const value = this.bareComplitexpr();
        e = { kind: "KeyValueExpr", pos: e.pos, end: value.end, key: e, value };
      }
      elts.push(e);
      return false;
    });
    this.xnest--;
    return {
      kind: "CompositeLit",
      pos: typ?.pos ?? lbrace,
      end: this.prevEnd,
      type: typ,
      lbrace,
      elts,
      rbrace,
    };
  }

  private bareComplitexpr(): ast.Expr {
    if (this.s.tok === Tok.Lbrace) return this.complitexpr(null); // elided element type
    return this.expr();
  }

  /** argList parses call arguments after `(`, up to and including `)`. */
  protected argList(): { args: ast.Expr[]; hasDots: boolean } {
    const args: ast.Expr[] = [];
    let hasDots = false;
    this.xnest++;
    this.list("argument list", Tok.Comma, Tok.Rparen, () => {
      args.push(this.expr());
      hasDots = this.got(Tok.DotDotDot);
      return hasDots;
    });
    this.xnest--;
    return { args, hasDots };
  }

  /** literal parses a basic literal, or returns null when the token is not one. */
  protected literal(): ast.BasicLit | null {
    const s = this.s;
    if (s.tok !== Tok.Literal) return null;
    const lit: ast.BasicLit = {
      kind: "BasicLit",
      pos: s.pos,
      end: s.end,
      litKind: s.litKind,
      value: s.lit,
    };
    this.next();
    return lit;
  }

  /**
   * typeList parses a list of type arguments or index expressions: the first element as an
   * expression (or a type when strict), the rest as types; comma reports a comma after the first.
   */
  protected typeList(strict: boolean): { list: ast.Expr[]; comma: boolean } {
    this.xnest++;
    const list = [strict ? this.type_() : this.expr()];
    let comma = false;
    if (this.got(Tok.Comma)) {
      comma = true;
      for (let t = this.typeOrNil(); t !== null; t = this.typeOrNil()) {
        list.push(t);
        if (!this.got(Tok.Comma)) break;
      }
    }
    this.xnest--;
    return { list, comma };
  }

  // ------------------------------------------------------------------------------------------
  // Types

  /** type_ parses a type, or reports "expected type". */
  protected type_(): ast.Expr {
    const t = this.typeOrNil();
    if (t !== null) return t;
    const bad = this.badExpr();
    this.syntaxError("expected type");
    this.advance(Tok.Comma, Tok.Colon, Tok.Semi, Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
    return bad;
  }

  protected typeOrNil(): ast.Expr | null {
    const s = this.s;
    const pos = s.pos;
    switch (s.tok) {
      case Tok.Star: {
        this.next();
        const x = this.type_();
        return { kind: "StarExpr", pos, end: x.end, x };
      }
      case Tok.Arrow: {
        this.next();
        this.want(Tok.Chan);
        const value = this.chanElem();
        return { kind: "ChanType", pos, end: value.end, dir: "recv", value };
      }
      case Tok.Func:
        this.next();
        return this.funcType(pos, "function type").type;
      case Tok.Lbrack:
        this.next();
        if (this.got(Tok.Rbrack)) return this.sliceType(pos);
        return this.arrayType(pos, null);
      case Tok.Chan: {
        this.next();
        const dir: ast.ChanDir = this.got(Tok.Arrow) ? "send" : "both";
        const value = this.chanElem();
        return { kind: "ChanType", pos, end: value.end, dir, value };
      }
      case Tok.Map: {
        this.next();
        this.want(Tok.Lbrack);
        const key = this.type_();
        this.want(Tok.Rbrack);
        const value = this.type_();
        return { kind: "MapType", pos, end: value.end, key, value };
      }
      case Tok.Struct:
        return this.structType();
      case Tok.Interface:
        return this.interfaceType();
      case Tok.Name:
        return this.qualifiedName(null);
      case Tok.Lparen: {
        this.next();
        const x = this.type_();
        this.want(Tok.Rparen);
        return { kind: "ParenExpr", pos, end: this.prevEnd, x };
      }
    }
    return null;
  }

  /** qualifiedName parses `name`, `pkg.name`, either optionally instantiated `[T, ...]`. */
  protected qualifiedName(name: ast.Ident | null): ast.Expr {
    const s = this.s;
    let x: ast.Expr;
    if (name !== null) x = name;
    else if (s.tok === Tok.Name) x = this.name();
    else {
      x = this.ident(s.pos, "_");
      x.end = x.pos;
      this.syntaxError("expected name");
      this.advance(Tok.Dot, Tok.Semi, Tok.Rbrace);
    }
    if (s.tok === Tok.Dot) {
      this.next();
      const sel = this.name();
      x = { kind: "SelectorExpr", pos: x.pos, end: sel.end, x, sel };
    }
    if (s.tok === Tok.Lbrack) x = this.typeInstance(x);
    return x;
  }

  private typeInstance(typ: ast.Expr): ast.Expr {
    this.want(Tok.Lbrack);
    let list: ast.Expr[];
    if (this.s.tok === Tok.Rbrack) {
      this.syntaxError("expected type argument list");
      list = [this.badExpr()];
    } else list = this.typeList(true).list;
    this.want(Tok.Rbrack);
    if (list.length > 1)
      return { kind: "IndexListExpr", pos: typ.pos, end: this.prevEnd, x: typ, indices: list };
    return { kind: "IndexExpr", pos: typ.pos, end: this.prevEnd, x: typ, index: list[0] };
  }

  /**
   * funcType parses a signature after `func` (and a name, in a declaration) at pos; type
   * parameters are accepted everywhere but, outside function declarations (context ""),
   * reported as not allowed.
   */
  protected funcType(
    pos: number,
    context: string,
  ): { typeParams: ast.FieldList | null; type: ast.FuncType } {
    const s = this.s;
    let typeParams: ast.FieldList | null = null;
    if (s.tok === Tok.Lbrack) {
      const lbrack = s.pos;
      this.next();
      if (context !== "") this.syntaxErrorAt(lbrack, context + " must have no type parameters");
      if (s.tok === Tok.Rbrack) {
        this.syntaxError("empty type parameter list");
        this.next();
      } else typeParams = this.paramList(lbrack, null, null, Tok.Rbrack, true, false);
    }
    const lparen = s.pos;
    this.want(Tok.Lparen);
    const params = this.paramList(lparen, null, null, Tok.Rparen, false, true);
    const results = this.funcResult();
    const type: ast.FuncType = {
      kind: "FuncType",
      pos,
      end: this.prevEnd,
      typeParams,
      params,
      results,
    };
    return { typeParams, type };
  }

  private funcResult(): ast.FieldList | null {
    const s = this.s;
    const pos = s.pos;
    if (this.got(Tok.Lparen)) return this.paramList(pos, null, null, Tok.Rparen, false, false);
    const t = this.typeOrNil();
    if (t === null) return null;
    const f: ast.Field = {
      kind: "Field",
      pos,
      end: t.end,
      doc: null,
      names: [],
      type: t,
      tag: null,
    };
    return { kind: "FieldList", pos, end: t.end, list: [f] };
  }

  /** arrayType parses `[len]elt` after `[` (at pos); len may already have been read. */
  protected arrayType(pos: number, len: ast.Expr | null): ast.Expr {
    const s = this.s;
    if (len === null) {
      if (s.tok === Tok.DotDotDot) {
        len = { kind: "Ellipsis", pos: s.pos, end: s.end, elt: null };
        this.next();
      } else {
        this.xnest++;
        len = this.expr();
        this.xnest--;
      }
    }
    if (s.tok === Tok.Comma) {
      // Trailing commas are accepted in type parameter lists but not in array types.
      this.syntaxError("unexpected comma; expected ]");
      this.next();
    }
    this.want(Tok.Rbrack);
    const elt = this.type_();
    return { kind: "ArrayType", pos, end: elt.end, len, elt };
  }

  protected sliceType(pos: number): ast.Expr {
    const elt = this.type_();
    return { kind: "ArrayType", pos, end: elt.end, len: null, elt };
  }

  private chanElem(): ast.Expr {
    const t = this.typeOrNil();
    if (t !== null) return t;
    const bad = this.badExpr();
    this.syntaxError("missing channel element type");
    return bad;
  }

  private structType(): ast.StructType {
    const s = this.s;
    const pos = s.pos;
    this.want(Tok.Struct);
    const lbrace = s.pos;
    this.want(Tok.Lbrace);
    const list: ast.Field[] = [];
    this.list("struct type", Tok.Semi, Tok.Rbrace, () => {
      this.fieldDecl(list);
      return false;
    });
    const fields: ast.FieldList = { kind: "FieldList", pos: lbrace, end: this.prevEnd, list };
    return { kind: "StructType", pos, end: this.prevEnd, fields };
  }

  private interfaceType(): ast.InterfaceType {
    const s = this.s;
    const pos = s.pos;
    this.want(Tok.Interface);
    const lbrace = s.pos;
    this.want(Tok.Lbrace);
    const list: ast.Field[] = [];
    this.list("interface type", Tok.Semi, Tok.Rbrace, () => {
      const doc = this.leadComment();
      let f: ast.Field | null = null;
      if (s.tok === Tok.Name) f = this.methodDecl();
      if (f === null || f.names.length === 0) f = this.embeddedElem(f);
      f.doc = doc;
      list.push(f);
      return false;
    });
    const methods: ast.FieldList = { kind: "FieldList", pos: lbrace, end: this.prevEnd, list };
    return { kind: "InterfaceType", pos, end: this.prevEnd, methods };
  }

  /** leadComment returns the doc comment group ending right before the current token. */
  protected abstract leadComment(): ast.CommentGroup | null;

  private field(
    pos: number,
    names: ast.Ident[],
    type: ast.Expr,
    tag: ast.BasicLit | null,
  ): ast.Field {
    return { kind: "Field", pos, end: tag?.end ?? type.end, doc: null, names, type, tag };
  }

  // fieldDecl parses one line of a struct type: named fields or an embedded field.
  private fieldDecl(list: ast.Field[]): void {
    const s = this.s;
    const pos = s.pos;
    const doc = this.leadComment();
    let f: ast.Field | null = null;
    switch (s.tok) {
      case Tok.Name: {
        const name = this.name();
        if (
          s.tok === Tok.Dot ||
          s.tok === Tok.Literal ||
          s.tok === Tok.Semi ||
          s.tok === Tok.Rbrace
        ) {
          // embedded type
          const typ = this.qualifiedName(name);
          f = this.field(pos, [], typ, this.literal());
          break;
        }
        const names = [name];
        while (this.got(Tok.Comma)) names.push(this.name());
        let typ: ast.Expr;
        if (names.length === 1 && s.tok === Tok.Lbrack) {
          typ = this.arrayOrTArgs();
          if (typ.kind === "IndexExpr" || typ.kind === "IndexListExpr") {
            // embedded generic type: name[T]
            typ.x = name;
            typ.pos = name.pos;
            f = this.field(pos, [], typ, this.literal());
            break;
          }
        } else typ = this.type_();
        f = this.field(pos, names, typ, this.literal());
        break;
      }
      case Tok.Star: {
        this.next();
        let typ: ast.Expr;
        if (s.tok === Tok.Lparen) {
          this.syntaxError("cannot parenthesize embedded type");
          this.next();
          typ = this.qualifiedName(null);
          this.got(Tok.Rparen);
        } else typ = this.qualifiedName(null);
        const star: ast.StarExpr = { kind: "StarExpr", pos, end: typ.end, x: typ };
        f = this.field(pos, [], star, this.literal());
        break;
      }
      case Tok.Lparen: {
        this.syntaxError("cannot parenthesize embedded type");
        this.next();
        let typ: ast.Expr;
        if (s.tok === Tok.Star) {
          const spos = s.pos;
          this.next();
          const x = this.qualifiedName(null);
          typ = { kind: "StarExpr", pos: spos, end: x.end, x };
        } else typ = this.qualifiedName(null);
        this.got(Tok.Rparen);
        f = this.field(pos, [], typ, this.literal());
        break;
      }
      default:
        this.syntaxError("expected field name or embedded type");
        this.advance(Tok.Semi, Tok.Rbrace);
        return;
    }
    f.doc = doc;
    list.push(f);
  }

  // arrayOrTArgs parses `[...]` after a field or parameter name: an array or slice type, or
  // the type arguments of an embedded generic type (an IndexExpr whose x is filled in later).
  private arrayOrTArgs(): ast.Expr {
    const s = this.s;
    const pos = s.pos;
    this.want(Tok.Lbrack);
    if (this.got(Tok.Rbrack)) return this.sliceType(pos);
    const { list, comma } = this.typeList(false);
    this.want(Tok.Rbrack);
    if (!comma) {
      const elt = this.typeOrNil();
      if (elt !== null) return { kind: "ArrayType", pos, end: elt.end, len: list[0], elt };
    }
    const placeholder = this.badExpr(pos);
    if (list.length > 1)
      return { kind: "IndexListExpr", pos, end: this.prevEnd, x: placeholder, indices: list };
    return { kind: "IndexExpr", pos, end: this.prevEnd, x: placeholder, index: list[0] };
  }

  // methodDecl parses an interface element that starts with a name: a method, or an embedded
  // (possibly qualified or instantiated) interface.
  private methodDecl(): ast.Field {
    const s = this.s;
    const pos = s.pos;
    const name = this.name();
    const context = "interface method";
    const method = (): ast.Field => {
      const type = this.funcType(s.pos, context).type;
      return { kind: "Field", pos, end: type.end, doc: null, names: [name], type, tag: null };
    };
    switch (s.tok) {
      case Tok.Lparen:
        return method();
      case Tok.Lbrack: {
        const lbrack = s.pos;
        this.next();
        if (s.tok === Tok.Rbrack) {
          const rpos = s.pos;
          this.next();
          if (s.tok === Tok.Lparen) {
            this.errorAt(rpos, "empty type parameter list");
            return method();
          }
          this.errorAt(rpos, "empty type argument list");
          return this.field(pos, [], name, null);
        }
        const raw = this.rawParams(Tok.Rbrack);
        this.resolveParams(raw, false, this.closePos);
        if (raw.length === 0) {
          if (s.tok === Tok.Lparen) return method();
          return this.field(pos, [], name, null);
        }
        if (raw[0].name !== null) {
          const m = method();
          this.errorAt(lbrack, "interface method must have no type parameters");
          return m;
        }
        const types = raw.map((p) => p.type ?? this.badExpr(lbrack));
        const typ: ast.Expr =
          types.length === 1
            ? { kind: "IndexExpr", pos, end: this.prevEnd, x: name, index: types[0] }
            : { kind: "IndexListExpr", pos, end: this.prevEnd, x: name, indices: types };
        return this.field(pos, [], typ, null);
      }
      default:
        return this.field(pos, [], this.qualifiedName(name), null);
    }
  }

  // embeddedElem parses a union `t1 | t2 | ...` whose first term may already be in f.
  private embeddedElem(f: ast.Field | null): ast.Field {
    if (f === null) {
      const pos = this.s.pos;
      f = this.field(pos, [], this.embeddedTerm(), null);
    }
    while (this.isOp("|")) {
      const opPos = this.s.pos;
      this.next();
      const y = this.embeddedTerm();
      f.type = { kind: "BinaryExpr", pos: f.type.pos, end: y.end, opPos, op: "|", x: f.type, y };
      f.end = y.end;
    }
    return f;
  }

  private embeddedTerm(): ast.Expr {
    const s = this.s;
    if (this.isOp("~")) {
      const pos = s.pos;
      this.next();
      const x = this.type_();
      return { kind: "UnaryExpr", pos, end: x.end, op: "~", x };
    }
    const t = this.typeOrNil();
    if (t !== null) return t;
    const bad = this.badExpr();
    this.syntaxError("expected ~ term or type");
    this.advance(Tok.Operator, Tok.Semi, Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
    return bad;
  }

  // ------------------------------------------------------------------------------------------
  // Parameter lists

  // paramDeclOrNil parses one entry of a parameter or type parameter list: `name`, `type`,
  // `name type`, `name ...type`, or (type parameters) a constraint union.
  private paramDeclOrNil(name: ast.Ident | null, close: Tok): Par | null {
    const s = this.s;
    const typeSetsOk = close === Tok.Rbrack;
    if (name === null && typeSetsOk && this.isOp("~")) {
      return { name: null, type: this.embeddedElem(null).type };
    }
    const par: Par = { name: null, type: null };
    if (s.tok === Tok.Name || name !== null) {
      if (name === null) name = this.name();
      if (s.tok === Tok.Lbrack) {
        const t = this.arrayOrTArgs();
        if (t.kind === "IndexExpr" || t.kind === "IndexListExpr") {
          t.x = name;
          t.pos = name.pos;
          par.type = t;
        } else {
          par.name = name;
          par.type = t;
        }
        if (typeSetsOk && this.isOp("|")) par.type = this.unionFrom(par.type);
        return par;
      }
      if (s.tok === Tok.Dot) {
        par.type = this.qualifiedName(name);
        if (typeSetsOk && this.isOp("|")) par.type = this.unionFrom(par.type);
        return par;
      }
      if (typeSetsOk && this.isOp("|")) {
        par.type = this.unionFrom(name);
        return par;
      }
      par.name = name;
    }
    if (s.tok === Tok.DotDotDot) {
      const pos = s.pos;
      this.next();
      const elt = this.typeOrNil();
      if (elt === null) {
        par.type = this.badExpr();
        this.syntaxError("... is missing type");
      } else par.type = { kind: "Ellipsis", pos, end: elt.end, elt };
      return par;
    }
    if (typeSetsOk && this.isOp("~")) {
      par.type = this.embeddedElem(null).type;
      return par;
    }
    par.type = this.typeOrNil();
    if (typeSetsOk && this.isOp("|") && par.type !== null) par.type = this.unionFrom(par.type);
    if (par.name !== null || par.type !== null) return par;
    this.syntaxError("expected " + (close === Tok.Rparen ? ")" : "]"));
    this.advance(Tok.Comma, close);
    return null;
  }

  private unionFrom(t: ast.Expr): ast.Expr {
    return this.embeddedElem(this.field(t.pos, [], t, null)).type;
  }

  // rawParams reads the entries of a parameter list up to (not including) close.
  private rawParams(
    close: Tok,
    first: Par | null = null,
    firstName: ast.Ident | null = null,
  ): Par[] {
    const list: Par[] = [];
    let name = firstName;
    let pending = first;
    this.closePos = this.list("parameter list", Tok.Comma, close, () => {
      let par: Par | null;
      if (pending !== null) {
        par = pending;
        pending = null;
      } else par = this.paramDeclOrNil(name, close);
      name = null;
      if (par !== null) list.push(par);
      return false;
    });
    return list;
  }

  /** closePos is the offset of the closing token of the last parameter list read. */
  private closePos = 0;

  /**
   * paramList parses a parameter list after its opening token (at open) through the closing
   * one. name and typ are a first parameter already read (type declarations read `[P C` before
   * knowing it opens type parameters). requireNames is set for type parameters; dddok allows
   * a final `...T`.
   */
  protected paramList(
    open: number,
    name: ast.Ident | null,
    typ: ast.Expr | null,
    close: Tok,
    requireNames: boolean,
    dddok: boolean,
  ): ast.FieldList {
    let list: Par[];
    let closePos: number;
    if (name !== null && typ !== null && this.s.tok === close) {
      closePos = this.s.pos;
      this.next();
      list = [{ name, type: typ }];
    } else {
      const first = name !== null && typ !== null ? { name, type: typ } : null;
      list = this.rawParams(close, first, first === null ? name : null);
      closePos = this.closePos;
    }
    const end = this.prevEnd;
    this.resolveParams(list, requireNames, closePos);
    this.checkDots(list, dddok);
    return { kind: "FieldList", pos: open, end, list: groupParams(list) };
  }

  // resolveParams decides which entries are names and which are types: if no entry has both,
  // all are types (unless names are required); otherwise every entry must end up with a
  // name and a type, `a, b int` giving int to a as well.
  private resolveParams(list: Par[], requireNames: boolean, closePos: number): void {
    let named = 0;
    let typed = 0;
    for (const p of list) {
      if (p.name !== null && p.type !== null) named++;
      if (p.type !== null) typed++;
    }
    if (list.length === 0) return;
    if (named === 0 && !requireNames) {
      for (const p of list) {
        if (p.name !== null) {
          p.type = p.name;
          p.name = null;
        }
      }
      return;
    }
    if (named === list.length) return;
    let errPos = -1;
    let typ: ast.Expr | null = null;
    for (let i = list.length - 1; i >= 0; i--) {
      const p = list[i];
      if (p.type !== null) {
        typ = p.type;
        if (p.name === null) {
          errPos = gcStartPos(typ);
          p.name = { kind: "Ident", pos: errPos, end: errPos, name: "_" };
        }
      } else if (typ !== null) p.type = typ;
      else {
        errPos = p.name!.pos;
        p.type = this.badExpr(errPos);
      }
    }
    if (errPos < 0) return;
    let msg: string;
    if (named === typed) {
      errPos = closePos;
      msg = requireNames ? "missing type constraint" : "missing parameter type";
    } else if (requireNames) {
      msg = "missing type parameter name" + (list.length === 1 ? " or invalid array length" : "");
    } else msg = "missing parameter name";
    this.syntaxErrorAt(errPos, msg);
  }

  private checkDots(list: Par[], dddok: boolean): void {
    let first = true;
    for (let i = 0; i < list.length; i++) {
      const t = list[i].type;
      if (t !== null && t.kind === "Ellipsis" && (!dddok || i + 1 < list.length)) {
        if (first) {
          first = false;
          this.errorAt(
            t.pos,
            dddok ? "can only use ... with final parameter" : "invalid use of ...",
          );
        }
        list[i].type = t.elt ?? this.badExpr(t.pos);
      }
    }
  }
}

// groupParams turns resolved entries into Fields, joining consecutive names that share one
// type (`a, b int`) into a single Field as the source wrote them.
function groupParams(list: Par[]): ast.Field[] {
  const out: ast.Field[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    const type = p.type!;
    if (p.name === null) {
      out.push({
        kind: "Field",
        pos: type.pos,
        end: type.end,
        doc: null,
        names: [],
        type,
        tag: null,
      });
      continue;
    }
    const names = [p.name];
    while (i + 1 < list.length && list[i + 1].type === type && list[i + 1].name !== null) {
      names.push(list[++i].name!);
    }
    out.push({ kind: "Field", pos: p.name.pos, end: type.end, doc: null, names, type, tag: null });
  }
  return out;
}

/**
 * gcStartPos is where gc places an error about expression x: its leftmost position, except
 * that gc positions a function type at its parameter list, after the `func` keyword.
 */
export function gcStartPos(x: ast.Expr): number {
  for (;;) {
    switch (x.kind) {
      case "CompositeLit":
        if (x.type === null) return x.pos;
        x = x.type;
        continue;
      case "KeyValueExpr":
        x = x.key;
        continue;
      case "SelectorExpr":
      case "IndexExpr":
      case "IndexListExpr":
      case "TypeAssertExpr":
        x = x.x;
        continue;
      case "BinaryExpr":
        x = x.x;
        continue;
      case "CallExpr":
        x = x.fun;
        continue;
      case "FuncType":
        return (x.typeParams ?? x.params).pos;
      default:
        return x.pos;
    }
  }
}

/** isValue reports whether x is certainly a value, not a type (for `T{` in headers). */
export function isValue(x: ast.Expr): boolean {
  switch (x.kind) {
    case "BasicLit":
    case "CompositeLit":
    case "FuncLit":
    case "SliceExpr":
    case "TypeAssertExpr":
    case "CallExpr":
    case "UnaryExpr":
    case "BinaryExpr":
      return true;
    case "ParenExpr":
      return isValue(x.x);
    case "IndexExpr":
      return isValue(x.x) || isValue(x.index);
    case "IndexListExpr":
      return isValue(x.x);
  }
  return false;
}

/** isTypeElem reports whether x can only be a type (or type-set term), not a value. */
export function isTypeElem(x: ast.Expr): boolean {
  switch (x.kind) {
    case "ArrayType":
    case "StructType":
    case "FuncType":
    case "InterfaceType":
    case "MapType":
    case "ChanType":
      return true;
    case "BinaryExpr":
      return isTypeElem(x.x) || isTypeElem(x.y);
    case "UnaryExpr":
      return x.op === "~" || isTypeElem(x.x);
    case "StarExpr":
      return isTypeElem(x.x);
    case "ParenExpr":
      return isTypeElem(x.x);
  }
  return false;
}
