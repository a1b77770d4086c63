// The type checker's public API: check a package's syntax trees against its imports, and the
// type utilities the later phases (MIR builder, export data) use.
//
//   const { pkg, info, diagnostics } = checkPackage("example.com/p", files, importer, opts);
//
// The importer maps an import path to a Package (normally read from the dependency's .rogx
// with readExportData); "unsafe" is handled by the checker itself.

import type * as ast from "../syntax/ast.js";
import type { Diagnostic } from "../diag.js";
import { Checker, type CheckOptions, type Importer } from "./checker.js";
import type { Info } from "./info.js";
import type { Package } from "./object.js";

export type { CheckOptions, Importer };
export { Checker };
export { Info } from "./info.js";
export * from "./object.js";
export * from "./type.js";
export { Scope } from "./scope.js";
export type { ConstValue } from "./constant.js";
export { universe, unsafePackage, errorType, comparableType, anyType } from "./universe.js";
export {
  identical,
  identicalIgnoreTags,
  underlying,
  coreType,
  isInterface,
  defaultType,
  comparable,
  hasNil,
  unalias,
  isUntyped,
} from "./predicates.js";
export { typeString, byName, byPath, relativeTo, type Qualifier } from "./typestring.js";
export { sizeof, alignof, offsetsof } from "./sizes.js";
export { lookupFieldOrMethod, missingMethod, methodSet, type LookupResult } from "./lookup.js";
export { subst, instantiateNamed, instantiateSignature } from "./subst.js";
export { computeTypeSet } from "./typeset.js";
export { ensureFunc } from "./lazy.js";
export { constString } from "./constops.js";
export { writeExportData, readExportData, writeTypeList, readTypeList } from "./exportdata.js";

/** CheckResult is what checkPackage returns. */
export interface CheckResult {
  pkg: Package;
  info: Info;
  diagnostics: Diagnostic[];
}

/**
 * checkPackage type-checks one package made of files. It never throws for bad input: errors
 * are returned as diagnostics (in gc's wording), and Info is filled for everything that
 * could be checked.
 */
export function checkPackage(
  importPath: string,
  files: ast.File[],
  importer: Importer,
  opts: CheckOptions,
): CheckResult {
  const c = new Checker(importPath, files, importer, opts);
  c.run();
  return { pkg: c.pkg, info: c.info, diagnostics: c.diagnostics };
}
