#!/usr/bin/env node
// The side-by-side benchmark: builds every benchmark example (an example with a `bench:size`
// marker) with rog, gc (`go build`) and gccgo-12 -O2, checks each output against the expected
// one, runs the binaries interleaved for several rounds, and writes bench/results/latest.json,
// latest.md (a table) and latest.svg (a chart of the time ratios to gc).
//
//   npm run bench [-- --quick] [--rounds N] [--only a,b] [--no-instructions] [--no-readme]
//
// --quick rewrites each size marker to its quick value. Instruction counts come from
// `perf stat` where it can count instructions, else from valgrind (slow: the quick run counts
// only gc and rog), and are always taken at the quick size. At the end the script regenerates
// README.md's benchmark section (bench/readme.mjs) unless --no-readme. bench/README.md says
// how each figure is measured.

import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import * as lib from "./lib.mjs";
import { renderMarkdown, renderSvg } from "./report.mjs";
import { writeReadme } from "./readme.mjs";

const opts = parseArgs(process.argv.slice(2));
const mode = opts.quick ? "quick" : "full";
const resultsDir = join(lib.repoRoot, "bench", "results");
const scratch = lib.makeTemp("bench");
const started = Date.now();

const tools = await probeTools();
const benchmarks = lib
  .listExamples()
  .filter((e) => e.size && (opts.only.length === 0 || opts.only.includes(e.name)));
log(`bench: ${mode} run, ${benchmarks.length} benchmarks, ${opts.rounds} rounds`);
log(`bench: peak RSS from ${tools.rss}; instructions from ${tools.instructions ?? "nothing"}`);

const results = [];
for (const ex of benchmarks) results.push(await buildAll(ex, mode));
await timeRounds(results);
if (tools.instructions) await countInstructions(results);

const report = {
  schema: 1,
  date: new Date().toISOString(),
  mode,
  rounds: opts.rounds,
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "",
    memoryMB: Math.round(totalmem() / 2 ** 20),
  },
  tools,
  benchmarks: results.map(summarise),
  seconds: Math.round((Date.now() - started) / 1000),
};
report.geomean = geomeans(report.benchmarks, "timeRatio");
report.geomeanCpu = geomeans(report.benchmarks, "cpuRatio");

mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "latest.json"), JSON.stringify(report, null, 2) + "\n");
writeFileSync(join(resultsDir, "latest.md"), renderMarkdown(report));
writeFileSync(join(resultsDir, "latest.svg"), renderSvg(report));
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(renderMarkdown(report));
log(`bench: wrote bench/results/latest.{json,md,svg} in ${report.seconds} s`);
if (opts.readme) {
  writeReadme();
  log("bench: updated the benchmark section of README.md");
}

function parseArgs(argv) {
  const o = { quick: false, rounds: 0, only: [], instructions: true, readme: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") o.quick = true;
    else if (a === "--rounds") o.rounds = Number(argv[++i]);
    else if (a === "--only") o.only = argv[++i].split(",");
    else if (a === "--no-instructions") o.instructions = false;
    else if (a === "--no-readme") o.readme = false;
    else {
      process.stderr.write(`bench: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!(o.rounds > 0)) o.rounds = o.quick ? 3 : 5;
  return o;
}

function log(line) {
  process.stderr.write(line + "\n");
}

/** probeTools finds the compilers' versions and how RSS and instructions can be measured. */
async function probeTools() {
  const first = async (cmd, args) => {
    if (!lib.hasCommand(cmd)) return null;
    const r = await lib.run(cmd, args);
    return r.code === 0 ? r.output.split("\n")[0].trim() : null;
  };
  const t = {
    gc: await first("go", ["version"]),
    gccgo: await first("gccgo-12", ["--version"]),
    rog: await first(process.execPath, [join(lib.repoRoot, "bin", "rog.js"), "version"]),
    rss: "polling /proc/PID/status VmHWM",
    instructions: null,
  };
  // The measuring wrapper, best first: bench/rusage.c (wait4, microseconds), GNU time (CPU time
  // in 10 ms steps), sampling VmHWM. BENCH_RSS=time or =poll picks a fallback, to test it.
  const time = await lib.run("/usr/bin/time", ["-f", "%M", "true"]);
  const gnuTime = time.code === 0 && /^\d+\s*$/.test(time.output);
  const want = process.env.BENCH_RSS ?? "";
  if (want === "" && (await lib.rusageHelper())) t.rss = "wait4 rusage (bench/rusage.c)";
  else if (gnuTime && want !== "poll") t.rss = "GNU time (%M, maxrss)";
  const perf = lib.hasCommand("perf")
    ? await lib.run("perf", ["stat", "-x,", "-e", "instructions:u", "true"])
    : null;
  if (perf && perf.code === 0 && /^\d+,/m.test(perf.output))
    t.instructions = "perf stat -e instructions:u";
  else if (lib.hasCommand("valgrind") && opts.instructions) {
    t.instructions = "valgrind --tool=cachegrind --cache-sim=no (Ir)";
  }
  if (!opts.instructions) t.instructions = null;
  return t;
}

/** buildAll builds one benchmark with each compiler and checks each binary's output once. */
async function buildAll(ex, variant) {
  const expected = readFileSync(lib.expectedFile(ex, variant), "utf8");
  const res = { name: ex.name, example: ex, size: ex.size[variant], by: {} };
  for (const c of lib.compilers) {
    const src = lib.makeVariant(
      ex,
      variant,
      join(scratch, `${ex.name}-${c}`),
      `${process.pid}-${c}`,
    );
    const exe = join(scratch, `${ex.name}.${c}.exe`);
    const b = await lib.build(c, src, exe, { pkg: ex.pkg });
    const build = { ok: b.ok, ms: round(b.ms), cpuMs: b.cpuMs && round(b.cpuMs), error: b.error };
    const entry = { build, exe, runs: [] };
    res.by[c] = entry;
    if (!b.ok) {
      log(`bench: ${ex.name}: ${c}: build failed: ${b.error}`);
      continue;
    }
    entry.binaryBytes = statSync(exe).size;
    const r = await lib.run(exe, [], { timeoutMs: 300_000 });
    entry.outputOk = r.code === 0 && r.output === expected;
    if (!entry.outputOk) {
      const got = r.output.split("\n").find((l, i) => l !== expected.split("\n")[i]) ?? "";
      entry.outputError = `exit status ${r.code}; first differing line: ${got.slice(0, 120)}`;
      log(`bench: ${ex.name}: ${c}: wrong output: ${entry.outputError}`);
    }
  }
  log(`bench: built ${ex.name}`);
  return res;
}

/**
 * timeRounds runs every binary with a correct output once per round, benchmarks and compilers
 * interleaved (the compiler order rotates each round), so that slow drifts in the machine's
 * load spread over all of them.
 */
async function timeRounds(all) {
  for (let round = 0; round < opts.rounds; round++) {
    for (const res of all) {
      for (let k = 0; k < lib.compilers.length; k++) {
        const c = lib.compilers[(k + round) % lib.compilers.length];
        const entry = res.by[c];
        if (!entry.build.ok || !entry.outputOk) continue;
        entry.runs.push(await measure(entry.exe));
      }
    }
    log(`bench: round ${round + 1}/${opts.rounds} done`);
  }
}

/** measure runs exe once and returns its wall time, CPU time and peak resident set size. */
async function measure(exe) {
  if (tools.rss.startsWith("wait4")) {
    const r = await lib.measuredRun(exe, []);
    return { ms: round(r.ms), cpuMs: round(r.cpuMs), rssKB: r.rssKB, code: r.code };
  }
  if (tools.rss.startsWith("GNU time")) {
    const file = join(scratch, "time.out");
    const r = await lib.run("/usr/bin/time", ["-f", "%M %U %S", "-o", file, exe]);
    const [kb, user, sys] = readFileSync(file, "utf8").trim().split(/\s+/).map(Number);
    return { ms: round(r.ms), cpuMs: round((user + sys) * 1000), rssKB: kb, code: r.code };
  }
  return pollRss(exe);
}

/** pollRss runs exe and samples VmHWM (the kernel's peak RSS) until it exits. */
async function pollRss(exe) {
  const { spawn } = await import("node:child_process");
  const start = process.hrtime.bigint();
  const child = spawn(exe, [], { stdio: ["pipe", "pipe", "pipe"] });
  child.stdin.end();
  child.stdout.resume();
  child.stderr.resume();
  let peak = 0;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]));
    } catch {
      // The process has exited between samples.
    }
  };
  const timer = setInterval(sample, 5);
  const code = await new Promise((r) => child.on("exit", (c) => r(c)));
  clearInterval(timer);
  return { ms: round(Number(process.hrtime.bigint() - start) / 1e6), rssKB: peak, code };
}

/**
 * countInstructions counts user-space instructions of each correct binary at the quick size:
 * the other compilers' binaries first, then gc's only when there is a count to compare it with.
 */
async function countInstructions(all) {
  // gccgo's start-up alone costs about a billion instructions under valgrind, so the quick run
  // counts only what the README's rog-versus-gc explanation needs.
  const valgrind = tools.instructions.startsWith("valgrind");
  const others = mode === "quick" && valgrind ? ["rog"] : ["rog", "gccgo"];
  const usable = (res, c) => res.by[c].build.ok && res.by[c].outputOk;
  for (const res of all) {
    let compared = false;
    for (const c of [...others, "gc"]) {
      if (!usable(res, c) || (c === "gc" && !compared)) continue;
      const exe = await quickBinary(res, c);
      const entry = res.by[c];
      const n = exe ? await instructionsOf(exe) : { error: "quick build failed" };
      entry.instructions = n.count ?? null;
      entry.instructionsError = n.error;
      entry.hotFunctions = n.hot ?? null;
      if (n.count && c !== "gc") compared = true;
      if (n.error) log(`bench: ${res.name}: ${c}: instructions not counted: ${n.error}`);
    }
    log(`bench: counted instructions of ${res.name}`);
  }
}

/** quickBinary returns the benchmark's binary at the quick size, building it in a full run. */
async function quickBinary(res, c) {
  if (mode === "quick") return res.by[c].exe;
  // Instruction counts are taken at the quick size, which valgrind can afford.
  const src = lib.makeVariant(res.example, "quick", join(scratch, `${res.name}-${c}-q`));
  const exe = join(scratch, `${res.name}.${c}.quick.exe`);
  return (await lib.build(c, src, exe, { pkg: res.example.pkg })).ok ? exe : null;
}

/** instructionsOf runs exe under the counting tool and returns {count} or {error}. */
async function instructionsOf(exe) {
  if (tools.instructions.startsWith("perf")) {
    const r = await lib.run("perf", ["stat", "-x,", "-e", "instructions:u", exe]);
    const m = /^(\d+),[^,]*,instructions/m.exec(r.output);
    return m ? { count: Number(m[1]) } : { error: firstError(r) };
  }
  // valgrind 3.19 cannot read the DWARF 5 that clang 22 writes ("unhandled dwarf2 abbrev form
  // code 0x25", then it gives up), so it runs a copy without debug information: the same code.
  const bare = `${exe}.nodebug`;
  copyFileSync(exe, bare);
  if (lib.hasCommand("strip")) await lib.run("strip", ["--strip-debug", bare]);
  // cachegrind without its cache model just counts instructions (Ir). callgrind would too, but
  // valgrind 3.19's callgrind aborts on gc binaries when a preemption signal (SIGURG) arrives.
  const cgOut = join(scratch, "cachegrind.out");
  const r = await lib.run("valgrind", [
    "--tool=cachegrind",
    "--cache-sim=no",
    `--cachegrind-out-file=${cgOut}`,
    bare,
  ]);
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.output);
  if (r.code !== 0 || !m) return { error: firstError(r) };
  return { count: Number(m[1].replaceAll(",", "")), hot: await hotFunctions(cgOut) };
}

/**
 * hotFunctions reads cachegrind's per-function counts (cg_annotate) and returns the functions
 * that executed the most instructions, [{name, instructions}], at most HOT of them: where the
 * instructions went, which says whether a gap is in the program's own code or in the runtime.
 */
async function hotFunctions(cgOut) {
  const HOT = 5;
  if (!lib.hasCommand("cg_annotate")) return null;
  const r = await lib.run("cg_annotate", [cgOut]);
  if (r.code !== 0) return null;
  // The per-function table: after the "file:function" heading and its rule, up to a blank line.
  const lines = r.output.split("\n");
  const start = lines.findIndex((l) => /\sfile:function\s*$/.test(l));
  const hot = [];
  for (const line of start < 0 ? [] : lines.slice(start + 2)) {
    const f = /^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+[^:\s]*:(\S.*?)\s*$/.exec(line);
    if (!f || hot.length === HOT) break;
    hot.push({ name: f[2], instructions: Number(f[1].replaceAll(",", "")) });
  }
  return hot;
}

/** firstError picks the line that says why a counting run failed. */
function firstError(r) {
  const lines = r.output.split("\n").map((l) => l.trim());
  const why =
    lines.find((l) => /fatal error|panic:|Valgrind:.*(fail|can't|Giving up)/i.test(l)) ??
    lines.find((l) => l !== "" && !l.startsWith("==") && !l.startsWith("--"));
  return `${why ?? "no count"} (exit status ${r.code})`;
}

/** summarise turns one benchmark's measurements into its report entry. */
function summarise(res) {
  const by = {};
  for (const c of lib.compilers) {
    const e = res.by[c];
    const runs = e.runs.filter((r) => r.code === 0);
    by[c] = {
      build: e.build,
      binaryBytes: e.binaryBytes ?? null,
      outputOk: e.build.ok ? e.outputOk : null,
      outputError: e.outputError,
      runsMs: e.runs.map((r) => r.ms),
      medianMs: median(runs.map((r) => r.ms)),
      cpuMs: median(runs.map((r) => r.cpuMs).filter((x) => x !== undefined)),
      peakRssKB: median(runs.map((r) => r.rssKB)),
      instructions: e.instructions ?? null,
      instructionsError: e.instructionsError,
      hotFunctions: e.hotFunctions ?? null,
    };
  }
  const ratio = (c, key) =>
    by[c][key] && by.gc[key] ? Number((by[c][key] / by.gc[key]).toFixed(3)) : null;
  return {
    name: res.name,
    size: res.size,
    by,
    timeRatio: { rog: ratio("rog", "medianMs"), gccgo: ratio("gccgo", "medianMs") },
    cpuRatio: { rog: ratio("rog", "cpuMs"), gccgo: ratio("gccgo", "cpuMs") },
    instructionRatio: { rog: ratio("rog", "instructions"), gccgo: ratio("gccgo", "instructions") },
  };
}

/** geomeans is the geometric mean of each compiler's ratios (key) over the benchmarks it ran. */
function geomeans(entries, key) {
  const out = {};
  for (const c of ["rog", "gccgo"]) {
    const xs = entries.map((e) => e[key][c]).filter((x) => x !== null);
    out[c] = xs.length
      ? {
          ratio: Number(Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length).toFixed(3)),
          of: xs.length,
        }
      : null;
  }
  return out;
}

function median(xs) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : round((s[mid - 1] + s[mid]) / 2);
}

function round(x) {
  return Math.round(x * 10) / 10;
}
