// Traversal of syntax trees: the children of each node kind in source order, a pre-order
// `inspect` and a `walk` with enter/leave callbacks, for the checker, tools and tests.

import type * as ast from "./ast.js";

/** forEachChild calls f on each direct child of n, in source order. */
export function forEachChild(n: ast.Node, f: (child: ast.Node) => void): void {
  const one = (c: ast.Node | null) => {
    if (c !== null) f(c);
  };
  const all = (cs: readonly ast.Node[] | null) => {
    if (cs !== null) for (const c of cs) f(c);
  };
  switch (n.kind) {
    case "File":
      one(n.doc);
      one(n.name);
      all(n.decls);
      return;
    case "Comment":
    case "BadDecl":
    case "BadExpr":
    case "BadStmt":
    case "Ident":
    case "BasicLit":
    case "EmptyStmt":
      return;
    case "CommentGroup":
      all(n.list);
      return;
    case "GenDecl":
      one(n.doc);
      all(n.specs);
      return;
    case "FuncDecl":
      one(n.doc);
      one(n.recv);
      one(n.name);
      // The type parameters are shared with the signature; visit them once, through it.
      one(n.type);
      one(n.body);
      return;
    case "ImportSpec":
      one(n.doc);
      one(n.name);
      one(n.path);
      return;
    case "ValueSpec":
      one(n.doc);
      all(n.names);
      one(n.type);
      all(n.values);
      return;
    case "TypeSpec":
      one(n.doc);
      one(n.name);
      one(n.typeParams);
      one(n.type);
      return;
    case "Field":
      one(n.doc);
      all(n.names);
      one(n.type);
      one(n.tag);
      return;
    case "FieldList":
      all(n.list);
      return;
    case "CompositeLit":
      one(n.type);
      all(n.elts);
      return;
    case "FuncLit":
      one(n.type);
      one(n.body);
      return;
    case "ParenExpr":
    case "StarExpr":
    case "UnaryExpr":
      one(n.x);
      return;
    case "SelectorExpr":
      one(n.x);
      one(n.sel);
      return;
    case "IndexExpr":
      one(n.x);
      one(n.index);
      return;
    case "IndexListExpr":
      one(n.x);
      all(n.indices);
      return;
    case "SliceExpr":
      one(n.x);
      one(n.low);
      one(n.high);
      one(n.max);
      return;
    case "TypeAssertExpr":
      one(n.x);
      one(n.type);
      return;
    case "CallExpr":
      one(n.fun);
      all(n.args);
      return;
    case "BinaryExpr":
      one(n.x);
      one(n.y);
      return;
    case "KeyValueExpr":
      one(n.key);
      one(n.value);
      return;
    case "Ellipsis":
      one(n.elt);
      return;
    case "ArrayType":
      one(n.len);
      one(n.elt);
      return;
    case "StructType":
      one(n.fields);
      return;
    case "FuncType":
      one(n.typeParams);
      one(n.params);
      one(n.results);
      return;
    case "InterfaceType":
      one(n.methods);
      return;
    case "MapType":
      one(n.key);
      one(n.value);
      return;
    case "ChanType":
      one(n.value);
      return;
    case "DeclStmt":
      one(n.decl);
      return;
    case "LabeledStmt":
      one(n.label);
      one(n.stmt);
      return;
    case "ExprStmt":
      one(n.x);
      return;
    case "SendStmt":
      one(n.chan);
      one(n.value);
      return;
    case "IncDecStmt":
      one(n.x);
      return;
    case "AssignStmt":
      all(n.lhs);
      all(n.rhs);
      return;
    case "GoStmt":
    case "DeferStmt":
      one(n.call);
      return;
    case "ReturnStmt":
      all(n.results);
      return;
    case "BranchStmt":
      one(n.label);
      return;
    case "BlockStmt":
      all(n.list);
      return;
    case "IfStmt":
      one(n.init);
      one(n.cond);
      one(n.body);
      one(n.else_);
      return;
    case "CaseClause":
      all(n.list);
      all(n.body);
      return;
    case "SwitchStmt":
      one(n.init);
      one(n.tag);
      one(n.body);
      return;
    case "TypeSwitchStmt":
      one(n.init);
      one(n.assign);
      one(n.body);
      return;
    case "CommClause":
      one(n.comm);
      all(n.body);
      return;
    case "SelectStmt":
      one(n.body);
      return;
    case "ForStmt":
      one(n.init);
      one(n.cond);
      one(n.post);
      one(n.body);
      return;
    case "RangeStmt":
      one(n.key);
      one(n.value);
      one(n.x);
      one(n.body);
      return;
  }
}

/**
 * inspect visits n and its descendants in pre-order; when f returns false the children of
 * that node are skipped.
 */
export function inspect(n: ast.Node, f: (n: ast.Node) => boolean | void): void {
  if (f(n) === false) return;
  forEachChild(n, (c) => inspect(c, f));
}

/** Visitor has optional callbacks around each node; enter returning false skips the children. */
export interface Visitor {
  enter?(n: ast.Node, parent: ast.Node | null): boolean | void;
  leave?(n: ast.Node, parent: ast.Node | null): void;
}

/** walk traverses n depth-first, calling v.enter before and v.leave after each node's children. */
export function walk(n: ast.Node, v: Visitor, parent: ast.Node | null = null): void {
  if (v.enter?.(n, parent) === false) return;
  forEachChild(n, (c) => walk(c, v, n));
  v.leave?.(n, parent);
}
