// Chrome trace events (the JSON the about:tracing and Perfetto viewers read) for one build,
// made from Ninja's .ninja_log: one complete event per action, on as few lanes as overlap needs.

import { existsSync, readFileSync, statSync } from "node:fs";
import type { ActionGraph } from "./graph.js";

/** NinjaLogMark remembers how long .ninja_log was before a build, to read only that build's lines. */
export interface NinjaLogMark {
  size: number;
}

/** markNinjaLog records the current length of a build directory's .ninja_log. */
export function markNinjaLog(path: string): NinjaLogMark {
  return { size: existsSync(path) ? statSync(path).size : 0 };
}

interface LogLine {
  start: number;
  end: number;
  output: string;
}

/**
 * buildRecords returns the .ninja_log lines written since mark. Ninja sometimes rewrites the
 * whole log (recompaction); then the last build is found as the run after the last point where
 * start times go backwards.
 */
function buildRecords(path: string, mark: NinjaLogMark): LogLine[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, "utf8");
  const compacted = Buffer.byteLength(text) < mark.size;
  const body = compacted ? text : Buffer.from(text).subarray(mark.size).toString("utf8");
  const lines: LogLine[] = [];
  for (const l of body.split("\n")) {
    const f = l.split("\t");
    if (f.length < 5 || l.startsWith("#")) continue;
    lines.push({ start: Number(f[0]), end: Number(f[1]), output: f[3] });
  }
  if (!compacted) return lines;
  let from = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i].start < lines[i - 1].start) from = i;
  return lines.slice(from);
}

/** chromeTrace renders the actions of the last build as Chrome trace events (JSON text). */
export function chromeTrace(g: ActionGraph, logPath: string, mark: NinjaLogMark): string {
  const byOutput = new Map(g.actions.map((a) => [a.outputs[0], a]));
  const lanes: number[] = [];
  const events: object[] = [];
  const records = buildRecords(logPath, mark)
    .filter((r) => byOutput.has(r.output))
    .sort((a, b) => a.start - b.start || a.end - b.end);

  for (const r of records) {
    const a = byOutput.get(r.output)!;
    let lane = lanes.findIndex((busyUntil) => busyUntil <= r.start);
    if (lane < 0) lane = lanes.push(0) - 1;
    lanes[lane] = r.end;
    events.push({
      name: `${a.kind} ${a.target}`,
      cat: a.kind,
      ph: "X",
      ts: r.start * 1000,
      dur: (r.end - r.start) * 1000,
      pid: 1,
      tid: lane + 1,
      args: { output: r.output },
    });
  }
  return JSON.stringify({ traceEvents: events, displayTimeUnit: "ms" }, null, 1) + "\n";
}
