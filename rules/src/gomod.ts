// go.mod files: the module path, the `go` language version, `require` and `replace` lines. rog
// builds modules without downloaded dependencies, so only replacements by a local directory can
// provide another module's packages.

import { isAbsolute, resolve } from "node:path";

/** Require is one `require` line. */
export interface Require {
  path: string;
  version: string;
  line: number;
}

/** Replace is one `replace` line; dir is set when the replacement is a local directory. */
export interface Replace {
  path: string;
  /** version is empty when the line replaces every version. */
  version: string;
  /** target is the replacement as written: a directory, or a module path. */
  target: string;
  targetVersion: string;
  /** dir is the absolute directory of a local replacement, or null. */
  dir: string | null;
  line: number;
}

/** GoMod is a parsed go.mod file. */
export interface GoMod {
  /** file is the absolute path of the go.mod file. */
  file: string;
  /** dir is the module root: the directory holding go.mod. */
  dir: string;
  path: string;
  /** goVersion is the `go` line as a language version ("go1.22"); go1.16 when absent (Go's rule). */
  goVersion: string;
  requires: Require[];
  replaces: Replace[];
}

/** GoModError is a malformed go.mod line, reported as `file:line: message`. */
export class GoModError extends Error {}

const DIRECTIVES = new Set([
  "module",
  "go",
  "toolchain",
  "godebug",
  "require",
  "exclude",
  "replace",
  "retract",
  "tool",
  "ignore",
]);

/** parseGoMod parses the text of the go.mod file at file (an absolute path). */
export function parseGoMod(file: string, text: string): GoMod {
  const dir = resolve(file, "..");
  const mod: GoMod = { file, dir, path: "", goVersion: "go1.16", requires: [], replaces: [] };
  const fail = (line: number, msg: string) => new GoModError(`${file}:${line}: ${msg}`);
  let block: string | null = null;

  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const words = tokenizeLine(lines[i], () => fail(lineNo, "unterminated quoted string"));
    if (words.length === 0) continue;

    if (block !== null) {
      if (words.length === 1 && words[0] === ")") {
        block = null;
        continue;
      }
      directive(mod, block, words, lineNo, fail);
      continue;
    }
    const [verb, ...args] = words;
    if (!DIRECTIVES.has(verb)) throw fail(lineNo, `unknown directive: ${verb}`);
    if (args.length === 1 && args[0] === "(") {
      block = verb;
      continue;
    }
    directive(mod, verb, args, lineNo, fail);
  }

  if (block !== null) throw fail(lines.length, `missing ) for ${block} block`);
  if (mod.path === "") throw new GoModError(`${file}: no module declaration in go.mod`);
  return mod;
}

function directive(
  mod: GoMod,
  verb: string,
  args: string[],
  line: number,
  fail: (line: number, msg: string) => Error,
): void {
  switch (verb) {
    case "module":
      if (args.length !== 1) throw fail(line, "usage: module module/path");
      mod.path = args[0];
      return;
    case "go": {
      const m = args.length === 1 ? /^1\.(\d+)(\.\d+)?((rc|beta)\d+)?$/.exec(args[0]) : null;
      if (!m) throw fail(line, `invalid go version '${args.join(" ")}': must match format 1.23.0`);
      mod.goVersion = `go1.${m[1]}`;
      return;
    }
    case "require":
      if (args.length !== 2) throw fail(line, "usage: require module/path v1.2.3");
      mod.requires.push({ path: args[0], version: args[1], line });
      return;
    case "replace":
      mod.replaces.push(parseReplace(mod.dir, args, line, fail));
      return;
    default:
      // toolchain, godebug, exclude, retract, tool, ignore: nothing rog's loader needs.
      return;
  }
}

function parseReplace(
  modDir: string,
  args: string[],
  line: number,
  fail: (line: number, msg: string) => Error,
): Replace {
  const arrow = args.indexOf("=>");
  const left = args.slice(0, arrow);
  const right = args.slice(arrow + 1);
  if (arrow < 0 || left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
    throw fail(line, "usage: replace module/path [v1.2.3] => ../local/directory");
  }
  const target = right[0];
  const local =
    target.startsWith("./") || target.startsWith("../") || isAbsolute(target) || target === ".";
  if (local && right.length === 2) {
    throw fail(line, `replacement module directory path "${target}" cannot have version`);
  }
  return {
    path: left[0],
    version: left[1] ?? "",
    target,
    targetVersion: right[1] ?? "",
    dir: local ? resolve(modDir, target) : null,
    line,
  };
}

/** tokenizeLine splits a go.mod line into words, honouring quotes and `//` comments. */
function tokenizeLine(line: string, unterminated: () => Error): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "/" && line[i + 1] === "/") {
      break;
    } else if (c === '"' || c === "`") {
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === "\\" && c === '"' ? 2 : 1;
      if (j >= line.length) throw unterminated();
      const raw = line.slice(i, j + 1);
      words.push(c === '"' ? (JSON.parse(raw) as string) : raw.slice(1, -1));
      i = j + 1;
    } else {
      let j = i;
      while (j < line.length && !" \t\r".includes(line[j]) && !line.startsWith("//", j)) j++;
      words.push(line.slice(i, j));
      i = j;
    }
  }
  return words;
}
