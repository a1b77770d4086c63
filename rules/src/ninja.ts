// A small writer for Ninja manifests (ninja 1.10 and later): variables, pools, rules and build
// edges with implicit outputs, implicit and order-only inputs, escaping every path and value.

/** BuildEdge is one `build` statement. */
export interface BuildEdge {
  rule: string;
  outputs: string[];
  /** implicitOutputs are written after `|`: produced by the edge but not in $out. */
  implicitOutputs?: string[];
  inputs?: string[];
  /** implicit inputs are written after `|`: dependencies not in $in. */
  implicit?: string[];
  /** orderOnly inputs are written after `||`: built first, but their changes rebuild nothing. */
  orderOnly?: string[];
  /** vars are edge-scoped variables; values are escaped by the writer. */
  vars?: Record<string, string>;
}

/** RuleOptions are a rule's bindings other than its name. */
export interface RuleOptions {
  command: string;
  description?: string;
  /** restat makes Ninja re-stat outputs, so an output left untouched cuts off its dependents. */
  restat?: boolean;
  pool?: string;
  generator?: boolean;
}

/** PIPE_VAR names the variable the writer binds to `|`: a path cannot spell `|` otherwise. */
const PIPE_VAR = "rog_pipe";

/**
 * escapePath escapes a path for a build line: `$`, space, `:` and newline are special there,
 * and `|` can only be spelt through a variable, since `$|` is no escape in Ninja.
 */
export function escapePath(p: string): string {
  if (p.includes("\n") || p.includes("\0")) {
    throw new Error(`path ${JSON.stringify(p)} cannot be written to a Ninja file`);
  }
  return p.replace(/[$ :|]/g, (c) => (c === "|" ? `\${${PIPE_VAR}}` : "$" + c));
}

/** escapeValue escapes the text of a variable binding: only `$` (and newline) are special. */
export function escapeValue(v: string): string {
  if (v.includes("\n") || v.includes("\0")) {
    throw new Error(`value ${JSON.stringify(v)} cannot be written to a Ninja file`);
  }
  const escaped = v.replace(/\$/g, "$$$$");
  // Leading spaces of a value are dropped by Ninja's lexer unless escaped.
  return escaped.replace(/^ +/, (s) => "$ ".repeat(s.length));
}

/**
 * shellQuote quotes one word for /bin/sh. Ninja substitutes variables other than $in and $out
 * as raw text, so paths the generator puts into its own variables must be quoted by it.
 */
export function shellQuote(s: string): string {
  if (s !== "" && /^[A-Za-z0-9_\-+=.,/@%:]+$/.test(s)) return s;
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

/** shellJoin quotes and joins an argument vector. */
export function shellJoin(args: string[]): string {
  return args.map(shellQuote).join(" ");
}

const NAME = /^[A-Za-z0-9_.-]+$/;

function checkName(kind: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid Ninja ${kind} name ${JSON.stringify(name)}`);
  return name;
}

/** NinjaWriter accumulates a manifest; toString returns it. */
export class NinjaWriter {
  private readonly lines: string[] = [];
  private usesPipe = false;

  /** comment writes `# text`, one line per line of text. */
  comment(text: string): this {
    for (const line of text.split("\n")) this.lines.push(line === "" ? "#" : `# ${line}`);
    return this;
  }

  /** blank writes an empty line. */
  blank(): this {
    this.lines.push("");
    return this;
  }

  /** variable binds a top-level variable. */
  variable(name: string, value: string): this {
    this.lines.push(`${checkName("variable", name)} = ${escapeValue(value)}`);
    return this;
  }

  /** pool declares a pool that runs at most depth edges at once. */
  pool(name: string, depth: number): this {
    if (!Number.isInteger(depth) || depth < 0) throw new Error(`invalid pool depth ${depth}`);
    this.lines.push(`pool ${checkName("pool", name)}`, `  depth = ${depth}`);
    return this;
  }

  /**
   * rule declares a rule. command and description are written as given (they refer to
   * variables such as $flags); only their `$`-free parts should come from outside.
   */
  rule(name: string, opts: RuleOptions): this {
    this.lines.push(`rule ${checkName("rule", name)}`, `  command = ${noNewline(opts.command)}`);
    if (opts.description) this.lines.push(`  description = ${noNewline(opts.description)}`);
    if (opts.pool) this.lines.push(`  pool = ${checkName("pool", opts.pool)}`);
    if (opts.restat) this.lines.push("  restat = 1");
    if (opts.generator) this.lines.push("  generator = 1");
    return this;
  }

  /** build writes a build edge and its variables. */
  build(e: BuildEdge): this {
    if (e.outputs.length === 0) throw new Error(`build edge for rule ${e.rule} has no outputs`);
    let line = `build ${this.paths(e.outputs)}`;
    if (e.implicitOutputs?.length) line += ` | ${this.paths(e.implicitOutputs)}`;
    line += `: ${checkName("rule", e.rule)}`;
    if (e.inputs?.length) line += ` ${this.paths(e.inputs)}`;
    if (e.implicit?.length) line += ` | ${this.paths(e.implicit)}`;
    if (e.orderOnly?.length) line += ` || ${this.paths(e.orderOnly)}`;
    this.lines.push(line);
    for (const [k, v] of Object.entries(e.vars ?? {})) {
      this.lines.push(`  ${checkName("variable", k)} = ${escapeValue(v)}`);
    }
    return this;
  }

  /** defaults writes the `default` statement naming what a bare `ninja` builds. */
  defaults(targets: string[]): this {
    if (targets.length > 0) this.lines.push(`default ${this.paths(targets)}`);
    return this;
  }

  toString(): string {
    if (!this.usesPipe) return this.lines.join("\n") + "\n";
    // Bind the pipe variable after the leading comment, before any edge can use it.
    let at = 0;
    while (at < this.lines.length && this.lines[at].startsWith("#")) at++;
    const lines = [...this.lines.slice(0, at), `${PIPE_VAR} = |`, ...this.lines.slice(at)];
    return lines.join("\n") + "\n";
  }

  private paths(ps: string[]): string {
    return ps
      .map((p) => {
        if (p.includes("|")) this.usesPipe = true;
        return escapePath(p);
      })
      .join(" ");
  }
}

function noNewline(s: string): string {
  if (s.includes("\n")) throw new Error("Ninja bindings cannot span lines");
  return s;
}
