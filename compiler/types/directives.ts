// Checks of the compiler directives that name declarations (`//go:linkname`, `//go:embed`) and
// of where flag directives (`//go:noinline`, ...) stand. They are not part of the Go spec; gc
// checks them after type checking, and so does rog, with gc's messages.

import type * as ast from "../syntax/ast.js";
import { DIRECTIVE_FLAGS } from "../syntax/parser_base.js";
import { inspect } from "../syntax/walk.js";
import type { Checker } from "./checker.js";
import { unquote } from "./constops.js";
import { Func, Var } from "./object.js";

/** checkLinknames checks every file's `//go:linkname local [remote]` directives. */
export function checkLinknames(c: Checker): void {
  const linked = new Set<Func | Var>();
  for (const file of c.files) {
    const unsafe = imports(file, "unsafe");
    for (const d of file.directives) {
      if (d.name !== "go:linkname") continue;
      const f = d.args.split(/\s+/).filter(Boolean);
      if (f.length < 1 || f.length > 2) {
        c.error(d.pos, "usage: //go:linkname localname [linkname]", file);
        continue;
      }
      // TODO(overlay): rog's runtime overlay links names in files that do not import unsafe;
      // until it does, the rule applies outside GOROOT only.
      if (!unsafe && !c.opts.std) {
        c.error(d.pos, `//go:linkname only allowed in Go files that import "unsafe"`, file);
        continue;
      }
      const remote = f[1] ?? "";
      if (remote.includes("[") && remote.includes("]")) {
        c.error(d.pos, "//go:linkname reference of an instantiation is not allowed", file);
        continue;
      }
      const obj = c.pkg.scope.lookup(f[0]);
      if (obj instanceof Func || obj instanceof Var) {
        if (linked.has(obj)) c.error(d.pos, `duplicate //go:linkname for ${f[0]}`, file);
        linked.add(obj);
      } else {
        c.error(d.pos, "//go:linkname must refer to declared function or variable", file);
      }
    }
  }
}

/** checkEmbed checks the `//go:embed` directives above a var spec (package-level or local). */
export function checkEmbed(c: Checker, spec: ast.ValueSpec, inFunc: boolean): void {
  const d = spec.directives.find((x) => x.name === "go:embed");
  if (!d) return;
  let msg = "";
  if (!imports(c.file, "embed"))
    msg = `go:embed requires import "embed" (or import _ "embed", if package is not used)`;
  else if (spec.names.length > 1) msg = "go:embed cannot apply to multiple vars";
  else if (spec.values.length > 0) msg = "go:embed cannot apply to var with initializer";
  else if (spec.type === null) msg = "go:embed cannot apply to var without type";
  else if (inFunc) msg = "go:embed cannot apply to var inside func";
  if (msg) c.error(d.pos, msg);
}

/**
 * checkDirectivePlacement reports the directives that the declaration below them cannot take:
 * the package clause takes only //go:build, a function every flag directive but //go:build,
 * other declarations none, and only a var takes //go:embed. (Directives that no declaration
 * takes are the parser's to report.) gc makes this check only in a package free of other
 * errors, and so should the caller.
 */
export function checkDirectivePlacement(c: Checker): void {
  for (const file of c.files) {
    const check = (ds: ast.Directive[], allowed: (name: string) => boolean, embed: boolean) => {
      for (const d of ds) {
        if (d.name === "go:embed" && !embed)
          c.error(d.pos + 2, "misplaced go:embed directive", file);
        else if (DIRECTIVE_FLAGS.has(d.name) && !allowed(d.name))
          c.error(d.pos + 2, "misplaced compiler directive", file);
      }
    };
    const none = () => false;
    const header = file.directives.filter((d) => d.pos < file.packagePos && d.blank);
    check(header, (name) => name === "go:build", false);
    inspect(file, (n) => {
      switch (n.kind) {
        case "ImportSpec":
        case "TypeSpec":
          check(n.directives, none, false);
          break;
        case "ValueSpec":
          check(n.directives, none, true);
          break;
        case "FuncDecl":
          check(n.directives, (name) => name !== "go:build", false);
          break;
      }
    });
  }
}

function imports(file: ast.File, path: string): boolean {
  return file.imports.some((i) => unquote(i.path.value) === path);
}
