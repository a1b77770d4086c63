// Dev helper: ROG_DUMP=file.go ROG_DUMP_FN=sym npx vitest run compiler/mir/tools/dump.test.ts
// prints the MIR and LLVM IR of one function.
import { it } from "vitest";
import { emitLLVM } from "../../codegen/module.js";
import { optimize } from "../compile.js";
import { compileFile } from "../lower/frontend.js";
import { printBody } from "../print.js";

it.skipIf(!process.env.ROG_DUMP)("dump", () => {
  const pkg = optimize(compileFile(process.env.ROG_DUMP!));
  const fn = process.env.ROG_DUMP_FN ?? "main.main";
  for (const b of pkg.bodies) if (b.sym === fn) console.log(printBody(b));
  const ll = emitLLVM(pkg);
  const start = ll.indexOf(`@"${fn}"(`);
  const def = ll.lastIndexOf("define", start);
  console.log(ll.slice(def, ll.indexOf("\n}\n", start) + 3));
});
