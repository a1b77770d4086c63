// Renders a benchmark report (the object bench/run.mjs writes to latest.json) as a markdown
// table and as an SVG bar chart of the time ratios to gc. Pure functions of the report, so the
// README's copy can always be regenerated from the JSON.

const others = ["rog", "gccgo"];
const colour = { rog: "#d9480f", gccgo: "#1c7ed6" };

/** renderMarkdown returns the report as a markdown table followed by its failures. */
export function renderMarkdown(report) {
  const lines = [
    `${report.mode === "quick" ? "Quick" : "Full"} run (\`npm run bench${report.mode === "quick" ? " -- --quick" : ""}\`) ` +
      `of ${report.date.slice(0, 10)}: median wall time of ${report.rounds} interleaved round${report.rounds === 1 ? "" : "s"} on ` +
      `${report.machine.cpus} × ${report.machine.cpu.trim() || "CPU"}. ` +
      `A ratio below 1 is faster than gc. Sizes are the programs' \`bench:size\` values.`,
    "",
    "| benchmark | size | gc | rog | rog ÷ gc | gccgo | gccgo ÷ gc | CPU time rog ÷ gc / gccgo ÷ gc | " +
      "peak RSS gc / rog / gccgo | binary gc / rog / gccgo | compile gc / rog / gccgo | " +
      "instructions rog ÷ gc / gccgo ÷ gc |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const b of report.benchmarks) {
    const by = b.by;
    lines.push(
      "| " +
        [
          b.name,
          String(b.size),
          timeCell(by.gc),
          timeCell(by.rog),
          ratioCell(b.timeRatio.rog),
          timeCell(by.gccgo),
          ratioCell(b.timeRatio.gccgo),
          `${ratioCell(b.cpuRatio?.rog ?? null)} / ${ratioCell(b.cpuRatio?.gccgo ?? null)}`,
          triple(by, (e) => (e.peakRssKB === null ? null : mib(e.peakRssKB * 1024))),
          triple(by, (e) => (e.binaryBytes === null ? null : mib(e.binaryBytes))),
          triple(by, (e) => (e.build.ok ? `${(e.build.ms / 1000).toFixed(2)} s` : null)),
          `${ratioCell(b.instructionRatio.rog)} / ${ratioCell(b.instructionRatio.gccgo)}`,
        ].join(" | ") +
        " |",
    );
  }
  const g = report.geomean;
  const gc = report.geomeanCpu ?? {};
  const bold = (x) => (x ? `**${x.ratio.toFixed(2)}**` : "–");
  lines.push(
    `| geometric mean | | | | ${bold(g.rog)} | | ${bold(g.gccgo)} | ` +
      `${bold(gc.rog)} / ${bold(gc.gccgo)} | | | | |`,
  );

  const failures = [];
  for (const b of report.benchmarks) {
    for (const c of ["gc", ...others]) {
      const e = b.by[c];
      if (!e.build.ok) failures.push(`- ${b.name}: ${c}: build failed: ${e.build.error}`);
      else if (!e.outputOk) failures.push(`- ${b.name}: ${c}: wrong output: ${e.outputError}`);
      else if (e.instructionsError) {
        failures.push(`- ${b.name}: ${c}: instructions not counted: ${e.instructionsError}`);
      }
    }
  }
  if (failures.length > 0) lines.push("", "Not measured:", "", ...failures);
  lines.push(
    "",
    "Time is wall-clock; CPU time is user plus system time of all the program's threads, " +
      "which a loaded machine disturbs less than wall time. " +
      `Peak RSS and CPU time: ${report.tools.rss}. Instructions: ` +
      (report.tools.instructions
        ? `${report.tools.instructions}, counted at each program's quick size` +
          (report.mode === "quick" && report.tools.instructions.startsWith("valgrind")
            ? " for gc and rog only, where rog builds the program."
            : ".")
        : "not counted in this run."),
    "",
  );
  return lines.join("\n");
}

function timeCell(e) {
  if (!e.build.ok) return "build failed";
  if (!e.outputOk) return "wrong output";
  return e.medianMs === null ? "–" : `${(e.medianMs / 1000).toFixed(3)} s`;
}

function ratioCell(x) {
  return x === null ? "–" : x.toFixed(2);
}

function triple(by, f) {
  return ["gc", ...others].map((c) => f(by[c]) ?? "–").join(" / ");
}

function mib(bytes) {
  return (bytes / (1 << 20)).toFixed(1) + " MiB";
}

/**
 * renderSvg draws, per benchmark, one horizontal bar per compiler for its time ÷ gc's time, on
 * a log₂ scale centred on 1 (bars to the left are faster than gc, to the right slower).
 */
export function renderSvg(report) {
  const lo = -2; // log₂ of the smallest ratio drawn (¼)
  const hi = 3; // log₂ of the largest ratio drawn (8)
  const left = 130;
  const width = 560;
  const rowH = 40;
  const top = 48;
  const n = report.benchmarks.length + 1;
  const height = top + n * rowH + 30;
  const x = (ratio) => left + ((Math.log2(ratio) - lo) / (hi - lo)) * width;
  const clamp = (r) => Math.min(Math.max(r, 2 ** lo), 2 ** hi);
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 70}" height="${height}" ` +
      `font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    text(
      left,
      18,
      `Run time ÷ gc's run time (log scale; left of 1 is faster than gc)`,
      "start",
      13,
    ),
    text(
      left,
      34,
      `${report.mode} run of ${report.date.slice(0, 10)}, median of ${report.rounds} rounds`,
      "start",
      11,
      "#555",
    ),
  );

  // Axis grid.
  for (let p = lo; p <= hi; p++) {
    const gx = x(2 ** p);
    out.push(
      `<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${top + n * rowH}" ` +
        `stroke="${p === 0 ? "#000" : "#ddd"}" stroke-width="${p === 0 ? 1.5 : 1}"/>`,
      text(gx, top + n * rowH + 16, p < 0 ? `1/${2 ** -p}` : `${2 ** p}`, "middle", 11),
    );
  }

  const rows = [
    ...report.benchmarks.map((b) => ({ name: b.name, ratios: b.timeRatio, by: b.by })),
    {
      name: "geometric mean",
      ratios: {
        rog: report.geomean.rog?.ratio ?? null,
        gccgo: report.geomean.gccgo?.ratio ?? null,
      },
    },
  ];
  rows.forEach((row, i) => {
    const y0 = top + i * rowH;
    out.push(text(left - 8, y0 + rowH / 2 + 4, row.name, "end", 12, "#000", i === rows.length - 1));
    others.forEach((c, k) => {
      const y = y0 + 6 + k * 14;
      const r = row.ratios[c];
      if (r === null) {
        const why = row.by ? (row.by[c].build.ok ? "wrong output" : "build failed") : "no data";
        out.push(text(x(1) + 4, y + 10, `${c}: ${why}`, "start", 10, "#888"));
        return;
      }
      const a = x(1);
      const b = x(clamp(r));
      out.push(
        `<rect x="${Math.min(a, b).toFixed(1)}" y="${y}" width="${Math.abs(b - a).toFixed(1)}" ` +
          `height="12" fill="${colour[c]}"/>`,
        text(b + (r >= 1 ? 4 : -4), y + 10, `${c} ${r.toFixed(2)}`, r >= 1 ? "start" : "end", 10),
      );
    });
  });

  // Legend.
  others.forEach((c, k) => {
    const lx = left + width - 150 + k * 75;
    out.push(`<rect x="${lx}" y="25" width="10" height="10" fill="${colour[c]}"/>`);
    out.push(text(lx + 14, 34, c, "start", 11));
  });
  out.push("</svg>", "");
  return out.join("\n");
}

function text(x, y, s, anchor, size, fill = "#000", bold = false) {
  return (
    `<text x="${typeof x === "number" ? x.toFixed(1) : x}" y="${y}" text-anchor="${anchor}" ` +
    `font-size="${size}" fill="${fill}"${bold ? ` font-weight="bold"` : ""}>${escapeXml(s)}</text>`
  );
}

function escapeXml(s) {
  return s.replace(
    /[<>&"]/g,
    (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[ch],
  );
}

const scenarios = ["cold", "edit", "fresh"];

/** renderCompileMarkdown returns the compile report as a markdown table. */
export function renderCompileMarkdown(report) {
  const lines = [
    `Compile speed (\`npm run bench:compile\`) of ${report.date.slice(0, 10)}: wall time of one ` +
      "build each, with the CPU time of the whole build (all its processes) in brackets. " +
      "cold: empty caches; edit: rebuild after a one-line edit in a function body " +
      "of a library package; fresh: an unedited copy at another path, caches warm.",
    "",
    "| project | gc cold | rog cold | gc edit | rog edit | gc fresh | rog fresh |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const notes = [];
  for (const p of report.projects) {
    if (p.missing) {
      lines.push(`| ${p.name} | ${Array(6).fill("–").join(" | ")} |`);
      notes.push(`- ${p.name}: ${p.missing}`);
      continue;
    }
    const cells = [];
    for (const s of scenarios) {
      for (const c of ["gc", "rog"]) {
        const t = p.by[c][s];
        const cpu = t.cpuMs === undefined ? "" : ` (${(t.cpuMs / 1000).toFixed(1)} s CPU)`;
        cells.push(t.ok ? `${(t.ms / 1000).toFixed(2)} s${cpu}` : "failed");
        if (!t.ok) notes.push(`- ${p.name}: ${c} ${s}: build failed: ${t.error}`);
      }
    }
    lines.push(`| ${p.name} | ${cells.join(" | ")} |`);
    const edited = p.by.gc?.edit?.edited ?? p.by.rog?.edit?.edited;
    if (edited) notes.push(`- ${p.name}: the edit went into ${edited}`);
  }
  if (notes.length > 0) lines.push("", ...notes);
  lines.push("");
  return lines.join("\n");
}
