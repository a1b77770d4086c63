// The printer's round trip on real code: parse → print → parse must give an equal tree
// (positions and comments aside). CI checks a sample of $GOROOT/src; ROG_ROUNDTRIP_ALL=1 checks
// every file, as does scripts/roundtrip-all.mjs on the built compiler.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { treeDiff } from "./compare.js";
import { parseFile } from "./parser.js";
import { printFile } from "./printer.js";
import { SourceFile } from "./source.js";

const all = process.env.ROG_ROUNDTRIP_ALL === "1";

function goFiles(dir: string, out: string[]): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = path.join(dir, n);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st === undefined) continue;
    if (st.isDirectory()) {
      if (n !== "testdata") goFiles(p, out);
    } else if (n.endsWith(".go")) out.push(p);
  }
  return out;
}

function roundTrip(text: string | Uint8Array, name = "x.go"): string | null {
  const src =
    typeof text === "string" ? SourceFile.fromString(name, text) : new SourceFile(name, text);
  const first = parseFile(src);
  if (first.diagnostics.length > 0) return `does not parse: ${first.diagnostics[0].message}`;
  const printed = printFile(first.file);
  const second = parseFile(SourceFile.fromString(name, printed));
  if (second.diagnostics.length > 0) {
    const d = second.diagnostics[0];
    return `printed text does not parse: ${d.file!.format(d.offset)}: ${d.message}\n${printed}`;
  }
  return treeDiff(first.file, second.file);
}

describe("printer round trip", () => {
  it("handles the tricky forms", () => {
    const src = `package p

type A[P *C,] int
type B[P *C | D, Q any] struct{ x, y P "tag" }
type I interface{ ~int | string; M(int) (string, error); fmt.Stringer }

func f[T any, U comparable](x ...T) (r U) {
	var a = - -x[0]
	b := & ^y
	c := <-(<-chan int)(nil)
	ch2 <- <-ch
	f(10 ...)
	var c2 chan (<-chan int)
	if v := (T{}); v == (T{}) {
	}
	switch x := y.(type) {
	case nil, int:
		_ = x
	}
	switch {
	case a:
		fallthrough
	default:
	}
	for ;; {
		break
	}
	for i := range 10 {
		_ = i
	}
L:
	goto L
	;
	return
}
`;
    expect(roundTrip(src)).toBeNull();
  });

  const root = path.join(
    process.env.ROG_GOROOT ?? execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim(),
    "src",
  );
  const files = goFiles(root, []);
  const step = all ? 1 : 25;
  it(`holds for ${all ? "every" : "a sample of"} $GOROOT/src file${all ? "" : "s"}`, () => {
    const failures: string[] = [];
    for (let i = 0; i < files.length; i += step) {
      const d = roundTrip(readFileSync(files[i]), files[i]);
      if (d !== null) failures.push(`${files[i]}: ${d}`);
    }
    expect(failures).toEqual([]);
  });
});
