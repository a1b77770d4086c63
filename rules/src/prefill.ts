// Cache prefill: before Ninja runs in a fresh build directory, rog restores from the local
// action cache, in its own process, every action whose inputs are all there, in dependency
// order. Each action Ninja would otherwise start is a Node process that loads rog only to find
// its outputs in the cache; a program importing fmt has about 150 of them, so a build of an
// unchanged program in a new directory (a test's temporary directory, a fresh checkout) spent
// seconds starting processes.
//
// So that Ninja then treats the restored edges as up to date, rog writes the `.ninja_log`
// entries Ninja would have written (../shared/notes/build-tools.md): Ninja's hash of each edge's
// command line, as `ninja -t compdb` evaluates it, and each output's mtime. This is only done
// where there is no `.ninja_log` yet, so Ninja's own log is never rewritten; an edge the
// prefill could not restore is left to Ninja, which runs it as before (remote cache included).

import { execFileSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fromCache } from "../../compiler/driver/cmd_action.js";
import type * as tc from "../../toolchains/toolchain.js";
import { ACTION_LOG, type ActionGraph, TOOLCHAIN_ID } from "./graph.js";

/** NINJA_LOG is Ninja's build log in the build directory. */
const NINJA_LOG = ".ninja_log";

/** prefill restores what it can of g from the cache into dir; it returns the actions restored. */
export async function prefill(g: ActionGraph, dir: string, ninja: tc.Tool): Promise<number> {
  if (process.env.ROG_PREFILL === "0" || existsSync(join(dir, NINJA_LOG))) return 0;
  if (!/^1\.1[01]\./.test(ninja.version)) return 0; // the log format written below is v5
  const commands = edgeCommands(ninja.path, dir);
  if (!commands) return 0;

  const producer = new Map<string, number>();
  g.actions.forEach((a, i) => a.outputs.forEach((o) => producer.set(o, i)));
  const done = new Set<number>();
  const lines: string[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const [i, a] of g.actions.entries()) {
      if (done.has(i)) continue;
      const ready = a.inputs.every((p) => {
        const j = producer.get(p);
        return j === undefined || done.has(j);
      });
      const command = commands.get(a.outputs[0]);
      if (!ready || command === undefined) continue;
      const start = Date.now();
      const args = ["--toolchain", TOOLCHAIN_ID, "--log", ACTION_LOG, ...a.args];
      if (!(await fromCache(a.kind, args, dir))) continue;
      done.add(i);
      progress = true;
      const hash = murmurHash64A(Buffer.from(command)).toString(16);
      for (const o of a.outputs) {
        const mtime = statSync(join(dir, o), { bigint: true }).mtimeNs;
        lines.push(`${start}\t${Date.now()}\t${mtime}\t${o}\t${hash}`);
      }
    }
  }
  if (lines.length) writeFileSync(join(dir, NINJA_LOG), `# ninja log v5\n${lines.join("\n")}\n`);
  return done.size;
}

/** edgeCommands maps each edge's first output to its command line as Ninja evaluates it. */
function edgeCommands(ninja: string, dir: string): Map<string, string> | null {
  try {
    const out = execFileSync(ninja, ["-C", dir, "-t", "compdb"], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "ignore"],
    });
    const edges = JSON.parse(out) as { command: string; output: string }[];
    return new Map(edges.map((e) => [e.output, e.command]));
  } catch {
    return null;
  }
}

/** murmurHash64A is Ninja's command hash (MurmurHash64A with Ninja's seed). */
export function murmurHash64A(data: Uint8Array): bigint {
  const mask = (1n << 64n) - 1n;
  const m = 0xc6a4a7935bd1e995n;
  const r = 47n;
  let h = (0xdecafbaddecafbadn ^ ((BigInt(data.length) * m) & mask)) & mask;
  const n8 = data.length - (data.length % 8);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < n8; i += 8) {
    let k = view.getBigUint64(i, true);
    k = (k * m) & mask;
    k ^= k >> r;
    k = (k * m) & mask;
    h ^= k;
    h = (h * m) & mask;
  }
  const rest = data.length % 8;
  if (rest > 0) {
    for (let i = rest - 1; i >= 0; i--) h ^= BigInt(data[n8 + i]) << BigInt(8 * i);
    h = (h * m) & mask;
  }
  h ^= h >> r;
  h = (h * m) & mask;
  h ^= h >> r;
  return h;
}
