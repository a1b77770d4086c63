import { spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../toolchains/toolchain.js";
import { ActionCache, fingerprint, initHashing, writeIfChanged } from "./cache.js";

const root = mkdtempSync(join(tmpdir(), "rog-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => initHashing());
let serial = 0;
const fresh = () => new ActionCache(join(root, `c${serial++}`));
const bytes = (s: string) => new Uint8Array(Buffer.from(s));
const text = (b: Uint8Array) => Buffer.from(b).toString();

describe("fingerprint", () => {
  test("equal material gives equal keys, whatever the key order", () => {
    expect(fingerprint({ a: 1, b: [1, "x"] })).toBe(fingerprint({ b: [1, "x"], a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(fingerprint({ a: 1 })).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("ActionCache", () => {
  test("a miss, then a hit with every output and its mode", () => {
    const c = fresh();
    expect(c.get("k1")).toBeNull();
    c.put("k1", [
      { role: "rogx", data: bytes("api"), mode: 0o644 },
      { role: "out", data: bytes("#!/bin/sh\n"), mode: 0o755 },
    ]);
    const hit = c.get("k1")!;
    expect(hit.map((o) => [o.role, text(o.data), o.mode])).toEqual([
      ["rogx", "api", 0o644],
      ["out", "#!/bin/sh\n", 0o755],
    ]);
  });

  test("a truncated blob is detected, removed, and the entry rebuilt", () => {
    const c = fresh();
    c.put("k", [{ role: "out", data: bytes("0123456789"), mode: 0o644 }]);
    const blob = blobOf(c, "k");
    truncateSync(blob, 4);
    expect(c.get("k")).toBeNull();
    expect(existsSync(blob)).toBe(false);
    expect(existsSync(c.entryPath("k"))).toBe(false);
    c.put("k", [{ role: "out", data: bytes("0123456789"), mode: 0o644 }]);
    expect(text(c.get("k")![0].data)).toBe("0123456789");
  });

  test("an altered blob of the same size is detected", () => {
    const c = fresh();
    c.put("k", [{ role: "out", data: bytes("good bytes"), mode: 0o644 }]);
    writeFileSync(blobOf(c, "k"), "evil bytes");
    expect(c.get("k")).toBeNull();
  });

  test("an altered or truncated entry is detected", () => {
    const c = fresh();
    c.put("k", [{ role: "out", data: bytes("x"), mode: 0o644 }]);
    const entry = c.entryPath("k");
    writeFileSync(entry, readFileSync(entry, "utf8").replace('"out"', '"rogx"'));
    expect(c.get("k")).toBeNull();
    expect(existsSync(entry)).toBe(false);

    c.put("k", [{ role: "out", data: bytes("x"), mode: 0o644 }]);
    truncateSync(entry, 20);
    expect(c.get("k")).toBeNull();
    writeFileSync(entry, "");
    expect(c.get("k")).toBeNull();
  });

  test("a missing blob is a miss", () => {
    const c = fresh();
    c.put("k", [{ role: "out", data: bytes("x"), mode: 0o644 }]);
    rmSync(blobOf(c, "k"));
    expect(c.get("k")).toBeNull();
  });
});

/** blobOf finds the blob of an entry's first output. */
function blobOf(c: ActionCache, key: string): string {
  const body = readFileSync(c.entryPath(key), "utf8").split("\n")[1];
  return c.blobPath((JSON.parse(body) as { outputs: { sha256: string }[] }).outputs[0].sha256);
}

describe("writeIfChanged", () => {
  test("leaves an unchanged file untouched and replaces a changed one", async () => {
    const p = join(root, "w", "out.rogx");
    expect(writeIfChanged(p, bytes("v1"))).toBe(true);
    const before = statSync(p).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(writeIfChanged(p, bytes("v1"))).toBe(false);
    expect(statSync(p).mtimeMs).toBe(before);
    expect(writeIfChanged(p, bytes("v2"))).toBe(true);
    expect(readFileSync(p, "utf8")).toBe("v2");
  });
});

describe("concurrent writers and readers", () => {
  const dist = join(projectRoot(), "dist", "rules", "src", "cache.js");

  // Each process puts and gets the same 20 keys (same key, same content, as for real actions)
  // with outputs of varying size, and checks every hit byte for byte.
  const worker = `
    import { ActionCache, initHashing } from ${JSON.stringify(dist)};
    await initHashing();
    const c = new ActionCache(process.argv[1]);
    const content = (k, i) => Buffer.alloc(1000 + k * 5000 + i, String.fromCharCode(97 + ((k + i) % 26)));
    let hits = 0;
    for (let round = 0; round < 15; round++) {
      for (let k = 0; k < 20; k++) {
        const key = "key" + k;
        const got = c.get(key);
        if (got) {
          hits++;
          for (let i = 0; i < got.length; i++) {
            if (Buffer.compare(Buffer.from(got[i].data), content(k, i)) !== 0) {
              console.error("corrupt " + key); process.exit(3);
            }
          }
        } else {
          c.put(key, [0, 1, 2].map((i) => ({ role: "o" + i, data: content(k, i), mode: 420 })));
        }
      }
    }
    console.log(hits);
  `;

  test.skipIf(!existsSync(dist))(
    "six processes sharing one cache never see a damaged entry",
    async () => {
      const dir = join(root, "shared");
      const run = () =>
        new Promise<{ code: number; out: string }>((done) => {
          const p = spawn(process.execPath, ["--input-type=module", "-e", worker, dir], {
            stdio: "pipe",
          });
          let out = "";
          p.stdout.on("data", (d) => (out += d));
          p.stderr.on("data", (d) => (out += d));
          p.on("close", (code) => done({ code: code ?? 1, out }));
        });
      const results = await Promise.all([run(), run(), run(), run(), run(), run()]);
      for (const r of results) expect(r, r.out).toMatchObject({ code: 0 });
      const hits = results.reduce((n, r) => n + Number(r.out.trim()), 0);
      expect(hits).toBeGreaterThan(6 * 20 * 10);
      // No temporary file is left behind.
      expect(readdir(join(dir, "v1", "tmp"))).toEqual([]);
    },
  );
});

function readdir(p: string): string[] {
  return existsSync(p) ? readdirSync(p) : [];
}
