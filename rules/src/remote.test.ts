// Tests of the HTTP remote cache client (remote.ts): the ActionResult encoding, and, against a
// real nginx WebDAV server on 127.0.0.1 (rules/bazel/scripts/nginx-cache.sh), the protocol and
// `rog build --remote-cache` with the fake compiler: a fresh copy with an empty local cache
// takes every action from the server, and a corrupted blob is refused and rebuilt.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../../toolchains/toolchain.js";
import {
  decodeActionResult,
  encodeActionResult,
  RemoteCache,
  RemoteIntegrityError,
  remoteKey,
} from "./remote.js";

const repo = projectRoot();
const script = join(repo, "rules", "bazel", "scripts", "nginx-cache.sh");
const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
const fake = join(repo, "dist", "rules", "src", "testing", "fake_actions.js");
const rogJs = join(repo, "bin", "rog.js");

describe("ActionResult encoding", () => {
  test("round-trips output files and the exit code", () => {
    const r = {
      outputFiles: [
        { path: "rogx", sha256: "ab".repeat(32), size: 12, isExecutable: false },
        { path: "out", sha256: "cd".repeat(32), size: 300000, isExecutable: true },
      ],
      exitCode: 0,
    };
    expect(decodeActionResult(encodeActionResult(r))).toEqual(r);
    expect(decodeActionResult(encodeActionResult({ outputFiles: [], exitCode: 3 }))).toEqual({
      outputFiles: [],
      exitCode: 3,
    });
  });

  test("writes the protocol's field numbers", () => {
    const bytes = encodeActionResult({
      outputFiles: [{ path: "o", sha256: "h", size: 1, isExecutable: true }],
      exitCode: 0,
    });
    // output_files (2) { path (1) "o", digest (2) { hash (1) "h", size_bytes (2) 1 }, is_executable (4) }
    expect([...bytes]).toEqual([
      0x12, 0x0c, 0x0a, 0x01, 0x6f, 0x12, 0x05, 0x0a, 0x01, 0x68, 0x10, 0x01, 0x20, 0x01,
    ]);
  });

  test("skips fields rog does not use (stdout, metadata, symlinks)", () => {
    const known = encodeActionResult({
      outputFiles: [{ path: "out", sha256: "ee".repeat(32), size: 5, isExecutable: false }],
      exitCode: 0,
    });
    // stdout_raw (5) "hi", execution_metadata (9) { worker (1) "w" }, a fixed64 field (15).
    const extra = [
      0x2a, 0x02, 0x68, 0x69, 0x4a, 0x03, 0x0a, 0x01, 0x77, 0x79, 1, 2, 3, 4, 5, 6, 7, 8,
    ];
    const r = decodeActionResult(Uint8Array.from([...extra, ...known]));
    expect(r.outputFiles.map((f) => f.path)).toEqual(["out"]);
  });

  test("refuses a truncated message", () => {
    expect(() => decodeActionResult(Uint8Array.from([0x12, 0x40, 0x0a]))).toThrow(/truncated/);
  });

  test("keys are SHA-256 hex and depend on the material only", () => {
    expect(remoteKey({ a: 1, b: [2] })).toMatch(/^[0-9a-f]{64}$/);
    expect(remoteKey({ b: [2], a: 1 })).toBe(remoteKey({ a: 1, b: [2] }));
    expect(remoteKey({ a: 2 })).not.toBe(remoteKey({ a: 1 }));
  });
});

if (!nginx) {
  console.warn(
    "remote.test.ts: nginx is not installed: skipping the server tests (toolchains/setup.sh installs it)",
  );
}

describe.skipIf(!nginx)("against nginx on 127.0.0.1", () => {
  const root = mkdtempSync(join(tmpdir(), "rog-remote-"));
  const serverDir = join(root, "server");
  let port = 0;
  let url = "";

  beforeAll(async () => {
    port = await freePort();
    const r = spawnSync("bash", [script, "start", String(port), serverDir], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    url = r.stdout.trim();
  });
  afterAll(() => {
    spawnSync("bash", [script, "stop", String(port), serverDir]);
    rmSync(root, { recursive: true, force: true });
  });

  test("stores and fetches outputs; a missing key is a miss", async () => {
    const c = new RemoteCache(url);
    const key = remoteKey({ test: "roundtrip" });
    expect(await c.get(key)).toBeNull();
    const outputs = [
      { role: "rogx", data: new TextEncoder().encode("export data\n"), mode: 0o644 },
      { role: "out", data: new Uint8Array([0x7f, 0x45, 0x4c, 0x46]), mode: 0o755 },
    ];
    await c.put(key, outputs);
    const got = await c.get(key);
    expect(got?.map((o) => [o.role, Buffer.from(o.data).toString("hex"), o.mode])).toEqual(
      outputs.map((o) => [o.role, Buffer.from(o.data).toString("hex"), o.mode]),
    );
  });

  test("a blob that does not match its digest is refused; put repairs it", async () => {
    const c = new RemoteCache(url);
    const key = remoteKey({ test: "corrupt" });
    const data = new TextEncoder().encode("bitcode, honestly\n");
    await c.put(key, [{ role: "out", data, mode: 0o644 }]);
    corruptBlobs(serverDir);
    await expect(c.get(key)).rejects.toBeInstanceOf(RemoteIntegrityError);
    await c.put(key, [{ role: "out", data, mode: 0o644 }]);
    expect((await c.get(key))?.[0].data).toEqual(data);
  });

  test.skipIf(!existsSync(fake))(
    "rog build: a fresh copy takes every action from the server; a corrupted blob is rebuilt",
    () => {
      const build = (n: number) => {
        const dir = join(root, `m${n}`);
        const src = join(repo, "examples", "monorepo");
        cpSync(src, dir, { recursive: true, filter: (p) => !p.startsWith(join(src, ".rog")) });
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          ROG_TEST_ACTIONS: fake,
          ROG_CACHE: join(root, `cache${n}`),
        };
        delete env.ROG_BUILDDIR;
        delete env.ROG_REMOTE_CACHE;
        const args = [
          rogJs,
          "build",
          "-v",
          "--remote-cache",
          url,
          "-o",
          join(dir, "app"),
          "./cmd/app",
        ];
        const r = spawnSync(process.execPath, args, { cwd: dir, env, encoding: "utf8" });
        expect(r.status, r.stderr).toBe(0);
        return { summary: r.stdout.trim().split("\n").pop()!, stderr: r.stderr };
      };

      expect(build(1).summary).toMatch(/^actions: 10 run, 0 from cache/);
      expect(build(2).summary).toBe("actions: 0 run, 10 from cache, 0 up to date");

      corruptBlobs(serverDir);
      const third = build(3);
      expect(third.stderr).toMatch(/does not match its digest: refused/);
      expect(third.summary).toMatch(/^actions: [1-9]\d* run/);
      // The rebuilt actions uploaded good blobs again.
      expect(build(4).summary).toBe("actions: 0 run, 10 from cache, 0 up to date");
    },
    240_000,
  );
});

/** corruptBlobs overwrites every blob on the server with bytes of another digest. */
function corruptBlobs(serverDir: string): void {
  const cas = join(serverDir, "root", "cas");
  for (const name of readdirSync(cas)) writeFileSync(join(cas, name), "not what you stored\n");
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => done(port));
    });
  });
}
