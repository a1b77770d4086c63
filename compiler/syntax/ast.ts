// The Go abstract syntax tree: one node type per construct of the Go spec (Go 1.26).
// Every node carries byte offsets `pos` (first byte) and `end` (one past the last byte) into
// its file's UTF-8 source; `SourceFile.position` turns an offset into file:line:col.

import type { SourceFile } from "./source.js";

/** Node is any syntax tree node. */
export type Node = File | Decl | Spec | Stmt | Expr | Field | FieldList | Comment | CommentGroup;

/** Comment is one `//` or `/* *\/` comment, text including its delimiters. */
export interface Comment {
  kind: "Comment";
  pos: number;
  end: number;
  text: string;
}

/** CommentGroup is a run of comments with no blank line between them (a doc comment). */
export interface CommentGroup {
  kind: "CommentGroup";
  pos: number;
  end: number;
  list: Comment[];
}

/** Directive is a `//go:...`, `//rog:...`, `//export` or `//line` comment, split into name and args. */
export interface Directive {
  pos: number;
  /** name is e.g. "go:linkname", "go:noinline", "export", "rog:runtime". */
  name: string;
  /** args is the rest of the line, trimmed. */
  args: string;
  /** blank is true when only white space precedes the directive on its line. */
  blank: boolean;
}

/** File is one parsed source file. */
export interface File {
  kind: "File";
  pos: number;
  end: number;
  source: SourceFile;
  doc: CommentGroup | null;
  /** packagePos is the offset of the `package` keyword. */
  packagePos: number;
  name: Ident;
  imports: ImportSpec[];
  decls: Decl[];
  /** buildConstraint is the expression text of the `//go:build` line, or null. */
  buildConstraint: string | null;
  /** directives lists every directive comment of the file, in source order. */
  directives: Directive[];
  /** comments holds all comment groups only when the parser was asked to keep them. */
  comments: CommentGroup[];
  /** goVersion is the version from a `//go:build go1.N` line, if any (for per-file language version). */
  goVersion: string | null;
}

// ---------------------------------------------------------------------------------------------
// Declarations

export type Decl = GenDecl | FuncDecl | BadDecl;

/** BadDecl stands where a declaration failed to parse. */
export interface BadDecl {
  kind: "BadDecl";
  pos: number;
  end: number;
}

/** GenDecl is an import, const, type or var declaration, grouped `( ... )` or not. */
export interface GenDecl {
  kind: "GenDecl";
  pos: number;
  end: number;
  doc: CommentGroup | null;
  tok: "import" | "const" | "type" | "var";
  /** lparen is the offset of `(` for a grouped declaration, or -1. */
  lparen: number;
  specs: Spec[];
}

/** FuncDecl is a function or method declaration; body is null for a declaration without body. */
export interface FuncDecl {
  kind: "FuncDecl";
  pos: number;
  end: number;
  doc: CommentGroup | null;
  /** recv is the receiver parameter list of a method, or null for a function. */
  recv: FieldList | null;
  name: Ident;
  typeParams: FieldList | null;
  type: FuncType;
  body: BlockStmt | null;
  /** directives are the `//go:` / `//rog:` / `//export` comments directly above the declaration. */
  directives: Directive[];
}

export type Spec = ImportSpec | ValueSpec | TypeSpec;

/** ImportSpec is `name "path"`; name is null, an identifier, `_` or `.`. */
export interface ImportSpec {
  kind: "ImportSpec";
  pos: number;
  end: number;
  doc: CommentGroup | null;
  name: Ident | null;
  path: BasicLit;
  /** directives are the directive comments written just before the spec. */
  directives: Directive[];
}

/** ValueSpec is one line of a const or var declaration. */
export interface ValueSpec {
  kind: "ValueSpec";
  pos: number;
  end: number;
  doc: CommentGroup | null;
  names: Ident[];
  type: Expr | null;
  values: Expr[];
  /** iota is the value of iota for this spec within its const group (0 for var). */
  iota: number;
  /** directives are the `//go:` comments directly above the spec (e.g. `//go:embed`). */
  directives: Directive[];
}

/** TypeSpec is `Name[TypeParams] Type` or the alias form `Name = Type`. */
export interface TypeSpec {
  kind: "TypeSpec";
  pos: number;
  end: number;
  doc: CommentGroup | null;
  name: Ident;
  typeParams: FieldList | null;
  /** assign is the offset of `=` in an alias declaration, or -1. */
  assign: number;
  type: Expr;
  directives: Directive[];
}

// ---------------------------------------------------------------------------------------------
// Fields (parameters, results, struct fields, interface elements, type parameters)

/** Field is a group of names sharing a type; names is empty for anonymous/embedded fields. */
export interface Field {
  kind: "Field";
  pos: number;
  end: number;
  doc: CommentGroup | null;
  names: Ident[];
  /** type is the field type, a method's FuncType inside an interface, or a type-set term. */
  type: Expr;
  /** tag is the struct field tag, or null. */
  tag: BasicLit | null;
}

/** FieldList is a parenthesised, bracketed or braced list of fields. */
export interface FieldList {
  kind: "FieldList";
  pos: number;
  end: number;
  list: Field[];
}

// ---------------------------------------------------------------------------------------------
// Expressions and types

export type Expr =
  | BadExpr
  | Ident
  | BasicLit
  | CompositeLit
  | FuncLit
  | ParenExpr
  | SelectorExpr
  | IndexExpr
  | IndexListExpr
  | SliceExpr
  | TypeAssertExpr
  | CallExpr
  | StarExpr
  | UnaryExpr
  | BinaryExpr
  | KeyValueExpr
  | Ellipsis
  | ArrayType
  | StructType
  | FuncType
  | InterfaceType
  | MapType
  | ChanType;

export interface BadExpr {
  kind: "BadExpr";
  pos: number;
  end: number;
}

/** Ident is an identifier; `_` is the blank identifier. */
export interface Ident {
  kind: "Ident";
  pos: number;
  end: number;
  name: string;
}

/** BasicLit is an INT, FLOAT, IMAG, CHAR or STRING literal; value is the source text. */
export interface BasicLit {
  kind: "BasicLit";
  pos: number;
  end: number;
  litKind: "INT" | "FLOAT" | "IMAG" | "CHAR" | "STRING";
  value: string;
}

/** CompositeLit is `Type{elts}`; type is null for elided element types inside another literal. */
export interface CompositeLit {
  kind: "CompositeLit";
  pos: number;
  end: number;
  type: Expr | null;
  lbrace: number;
  elts: Expr[];
  rbrace: number;
}

/** FuncLit is a function literal (closure). */
export interface FuncLit {
  kind: "FuncLit";
  pos: number;
  end: number;
  type: FuncType;
  body: BlockStmt;
}

export interface ParenExpr {
  kind: "ParenExpr";
  pos: number;
  end: number;
  x: Expr;
}

/** SelectorExpr is `x.sel` (field, method, or qualified identifier). */
export interface SelectorExpr {
  kind: "SelectorExpr";
  pos: number;
  end: number;
  x: Expr;
  sel: Ident;
}

/** IndexExpr is `x[index]`: an index, a map lookup, or an instantiation with one type argument. */
export interface IndexExpr {
  kind: "IndexExpr";
  pos: number;
  end: number;
  x: Expr;
  index: Expr;
}

/** IndexListExpr is `x[a, b, ...]`: an instantiation with several type arguments. */
export interface IndexListExpr {
  kind: "IndexListExpr";
  pos: number;
  end: number;
  x: Expr;
  indices: Expr[];
}

/** SliceExpr is `x[lo:hi]` or `x[lo:hi:max]` (slice3). */
export interface SliceExpr {
  kind: "SliceExpr";
  pos: number;
  end: number;
  x: Expr;
  low: Expr | null;
  high: Expr | null;
  max: Expr | null;
  slice3: boolean;
}

/** TypeAssertExpr is `x.(T)`; type is null for `x.(type)` in a type switch. */
export interface TypeAssertExpr {
  kind: "TypeAssertExpr";
  pos: number;
  end: number;
  x: Expr;
  type: Expr | null;
}

/** CallExpr is `fun(args)`, with `...` after the last argument when hasDots. */
export interface CallExpr {
  kind: "CallExpr";
  pos: number;
  end: number;
  fun: Expr;
  lparen: number;
  args: Expr[];
  hasDots: boolean;
  rparen: number;
}

/** StarExpr is `*x`: a pointer type or an indirection. */
export interface StarExpr {
  kind: "StarExpr";
  pos: number;
  end: number;
  x: Expr;
}

/** UnaryOp lists the unary operators; `~` appears only in constraint terms. */
export type UnaryOp = "+" | "-" | "!" | "^" | "&" | "<-" | "~";

export interface UnaryExpr {
  kind: "UnaryExpr";
  pos: number;
  end: number;
  op: UnaryOp;
  x: Expr;
}

/** BinaryOp lists the binary operators; `|` also joins union terms in constraints. */
export type BinaryOp =
  | "||"
  | "&&"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "+"
  | "-"
  | "|"
  | "^"
  | "*"
  | "/"
  | "%"
  | "<<"
  | ">>"
  | "&"
  | "&^";

export interface BinaryExpr {
  kind: "BinaryExpr";
  pos: number;
  end: number;
  /** opPos is the offset of the operator (gc reports many binary errors there). */
  opPos: number;
  op: BinaryOp;
  x: Expr;
  y: Expr;
}

/** KeyValueExpr is `key: value` inside a composite literal. */
export interface KeyValueExpr {
  kind: "KeyValueExpr";
  pos: number;
  end: number;
  key: Expr;
  value: Expr;
}

/** Ellipsis is `...T` in a variadic parameter, or `[...]` array length (elt null). */
export interface Ellipsis {
  kind: "Ellipsis";
  pos: number;
  end: number;
  elt: Expr | null;
}

/** ArrayType is `[len]elt`, or `[]elt` (a slice type) when len is null. */
export interface ArrayType {
  kind: "ArrayType";
  pos: number;
  end: number;
  len: Expr | null;
  elt: Expr;
}

export interface StructType {
  kind: "StructType";
  pos: number;
  end: number;
  fields: FieldList;
}

/** FuncType is a signature; pos is the `func` keyword, or the `(` when there is none. */
export interface FuncType {
  kind: "FuncType";
  pos: number;
  end: number;
  typeParams: FieldList | null;
  params: FieldList;
  results: FieldList | null;
}

/**
 * InterfaceType lists methods (Field with names and a FuncType) and embedded elements
 * (Field without names whose type is a type, a `~T` UnaryExpr, or a `|` BinaryExpr union).
 */
export interface InterfaceType {
  kind: "InterfaceType";
  pos: number;
  end: number;
  methods: FieldList;
}

export interface MapType {
  kind: "MapType";
  pos: number;
  end: number;
  key: Expr;
  value: Expr;
}

/** ChanDir is the direction of a channel type. */
export type ChanDir = "both" | "send" | "recv";

export interface ChanType {
  kind: "ChanType";
  pos: number;
  end: number;
  dir: ChanDir;
  value: Expr;
}

// ---------------------------------------------------------------------------------------------
// Statements

export type Stmt =
  | BadStmt
  | DeclStmt
  | EmptyStmt
  | LabeledStmt
  | ExprStmt
  | SendStmt
  | IncDecStmt
  | AssignStmt
  | GoStmt
  | DeferStmt
  | ReturnStmt
  | BranchStmt
  | BlockStmt
  | IfStmt
  | CaseClause
  | SwitchStmt
  | TypeSwitchStmt
  | CommClause
  | SelectStmt
  | ForStmt
  | RangeStmt;

export interface BadStmt {
  kind: "BadStmt";
  pos: number;
  end: number;
}

export interface DeclStmt {
  kind: "DeclStmt";
  pos: number;
  end: number;
  decl: GenDecl;
}

/** EmptyStmt is an explicit or implied `;`; implicit is true for the implied ones. */
export interface EmptyStmt {
  kind: "EmptyStmt";
  pos: number;
  end: number;
  implicit: boolean;
}

export interface LabeledStmt {
  kind: "LabeledStmt";
  pos: number;
  end: number;
  label: Ident;
  stmt: Stmt;
}

export interface ExprStmt {
  kind: "ExprStmt";
  pos: number;
  end: number;
  x: Expr;
}

export interface SendStmt {
  kind: "SendStmt";
  pos: number;
  end: number;
  chan: Expr;
  value: Expr;
}

export interface IncDecStmt {
  kind: "IncDecStmt";
  pos: number;
  end: number;
  x: Expr;
  tok: "++" | "--";
}

/** AssignOp lists `=`, `:=` and the compound assignment operators. */
export type AssignOp =
  "=" | ":=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>=" | "&^=";

export interface AssignStmt {
  kind: "AssignStmt";
  pos: number;
  end: number;
  lhs: Expr[];
  tokPos: number;
  tok: AssignOp;
  rhs: Expr[];
}

export interface GoStmt {
  kind: "GoStmt";
  pos: number;
  end: number;
  call: CallExpr;
}

export interface DeferStmt {
  kind: "DeferStmt";
  pos: number;
  end: number;
  call: CallExpr;
}

export interface ReturnStmt {
  kind: "ReturnStmt";
  pos: number;
  end: number;
  results: Expr[];
}

/** BranchStmt is break, continue, goto or fallthrough, with an optional label. */
export interface BranchStmt {
  kind: "BranchStmt";
  pos: number;
  end: number;
  tok: "break" | "continue" | "goto" | "fallthrough";
  label: Ident | null;
}

export interface BlockStmt {
  kind: "BlockStmt";
  pos: number;
  end: number;
  list: Stmt[];
  /** rbrace is the offset of the closing `}` (gc reports "missing return" there). */
  rbrace: number;
}

export interface IfStmt {
  kind: "IfStmt";
  pos: number;
  end: number;
  init: Stmt | null;
  cond: Expr;
  body: BlockStmt;
  /** else_ is an IfStmt or a BlockStmt, or null. */
  else_: Stmt | null;
}

/** CaseClause is a `case list:` or `default:` clause (list null) of a switch or type switch. */
export interface CaseClause {
  kind: "CaseClause";
  pos: number;
  end: number;
  list: Expr[] | null;
  colon: number;
  body: Stmt[];
}

export interface SwitchStmt {
  kind: "SwitchStmt";
  pos: number;
  end: number;
  init: Stmt | null;
  tag: Expr | null;
  body: BlockStmt;
}

/** TypeSwitchStmt is `switch init; x := y.(type) {...}`; assign is an AssignStmt or ExprStmt. */
export interface TypeSwitchStmt {
  kind: "TypeSwitchStmt";
  pos: number;
  end: number;
  init: Stmt | null;
  assign: Stmt;
  body: BlockStmt;
}

/** CommClause is a `case send/recv:` or `default:` (comm null) clause of a select. */
export interface CommClause {
  kind: "CommClause";
  pos: number;
  end: number;
  comm: Stmt | null;
  colon: number;
  body: Stmt[];
}

export interface SelectStmt {
  kind: "SelectStmt";
  pos: number;
  end: number;
  body: BlockStmt;
}

export interface ForStmt {
  kind: "ForStmt";
  pos: number;
  end: number;
  init: Stmt | null;
  cond: Expr | null;
  post: Stmt | null;
  body: BlockStmt;
}

/** RangeStmt is `for key, value := range x`; tok is null when there are no iteration variables. */
export interface RangeStmt {
  kind: "RangeStmt";
  pos: number;
  end: number;
  key: Expr | null;
  value: Expr | null;
  tok: "=" | ":=" | null;
  x: Expr;
  body: BlockStmt;
}
