// The action cache: a content-addressed store shared by every build directory on the machine.
// Layout under the cache directory (toolchain.cacheDir(), $ROG_CACHE):
//   v1/ac/<xx>/<key>     one entry per action key: a digest line, then JSON naming the outputs
//   v1/cas/<xx>/<sha256> output contents, named by their SHA-256
//   v1/tmp/              files being written; each is renamed into place when complete
// Every file appears by rename only, so a reader never sees a partial one, and concurrent
// writers of the same key or blob write identical bytes. A reader re-hashes what it reads; an
// entry or blob that does not match its digest is removed and counts as a miss.

import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import xxhash from "xxhash-wasm";

/** CachedOutput is one output of an action as the cache stores it. */
export interface CachedOutput {
  /** role names the output within its action ("rogx", "out", ...). */
  role: string;
  data: Uint8Array;
  /** mode is the file mode to restore (0o755 for executables). */
  mode: number;
}

interface EntryOutput {
  role: string;
  sha256: string;
  size: number;
  mode: number;
}

const ENTRY_MAGIC = "rog-action-entry";

let hasher: Awaited<ReturnType<typeof xxhash>> | null = null;

/** initHashing loads the xxhash wasm module; call it once before fingerprint or digestBytes. */
export async function initHashing(): Promise<void> {
  hasher ??= await xxhash();
}

function h(): Awaited<ReturnType<typeof xxhash>> {
  if (!hasher) throw new Error("rules/cache: initHashing() was not called");
  return hasher;
}

/** digestBytes is a fast 128-bit fingerprint (two seeded xxh64 hashes) of bytes, in hex. */
export function digestBytes(data: Uint8Array): string {
  const x = h();
  const a = x.h64Raw(data, 0n).toString(16).padStart(16, "0");
  const b = x.h64Raw(data, 0x9e3779b97f4a7c15n).toString(16).padStart(16, "0");
  return a + b;
}

/** digestFile fingerprints a file's content. */
export function digestFile(path: string): string {
  return digestBytes(readFileSync(path));
}

/**
 * fingerprint hashes key material to an action key. The material is rendered as JSON with
 * object keys sorted, so equal material always gives equal keys.
 */
export function fingerprint(material: unknown): string {
  return digestBytes(Buffer.from(canonicalJSON(material), "utf8"));
}

/** canonicalJSON renders v as JSON with object keys sorted (the remote cache keys on it too). */
export function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return "[" + v.map(canonicalJSON).join(",") + "]";
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return (
      "{" + entries.map(([k, x]) => JSON.stringify(k) + ":" + canonicalJSON(x)).join(",") + "}"
    );
  }
  return JSON.stringify(v);
}

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** ActionCache is the store in one cache directory. */
export class ActionCache {
  private readonly root: string;

  constructor(dir: string) {
    this.root = join(dir, "v1");
  }

  /** get returns the outputs stored for key, or null on a miss or a damaged entry. */
  get(key: string): CachedOutput[] | null {
    const entryPath = this.entryPath(key);
    let text: string;
    try {
      text = readFileSync(entryPath, "utf8");
    } catch {
      return null;
    }
    const outputs = parseEntry(text);
    if (!outputs) {
      this.discard(entryPath);
      return null;
    }

    const result: CachedOutput[] = [];
    for (const o of outputs) {
      const blobPath = this.blobPath(o.sha256);
      let data: Buffer;
      try {
        data = readFileSync(blobPath);
      } catch {
        this.discard(entryPath);
        return null;
      }
      if (data.length !== o.size || sha256(data) !== o.sha256) {
        this.discard(blobPath);
        this.discard(entryPath);
        return null;
      }
      result.push({ role: o.role, data, mode: o.mode });
    }
    return result;
  }

  /** put stores outputs under key. Blobs go first, so an entry never names a missing blob. */
  put(key: string, outputs: CachedOutput[]): void {
    const listed: EntryOutput[] = [];
    for (const o of outputs) {
      const digest = sha256(o.data);
      // Rewriting an existing blob is cheap and repairs one that was damaged on disk.
      this.writeAtomic(this.blobPath(digest), o.data);
      listed.push({ role: o.role, sha256: digest, size: o.data.length, mode: o.mode });
    }
    const body = JSON.stringify({ outputs: listed });
    this.writeAtomic(this.entryPath(key), `${ENTRY_MAGIC} ${sha256(Buffer.from(body))}\n${body}`);
  }

  /** entryPath is where key's entry lives (exported for tests that damage entries). */
  entryPath(key: string): string {
    return join(this.root, "ac", key.slice(0, 2), key);
  }

  /** blobPath is where a blob with the given SHA-256 lives. */
  blobPath(digest: string): string {
    return join(this.root, "cas", digest.slice(0, 2), digest);
  }

  private writeAtomic(path: string, data: Uint8Array | string): void {
    const tmpDir = join(this.root, "tmp");
    mkdirSync(tmpDir, { recursive: true });
    mkdirSync(dirname(path), { recursive: true });
    const tmp = join(tmpDir, `${process.pid}-${randomBytes(6).toString("hex")}`);
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, path);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }

  private discard(path: string): void {
    rmSync(path, { force: true });
  }
}

function parseEntry(text: string): EntryOutput[] | null {
  const nl = text.indexOf("\n");
  if (nl < 0) return null;
  const [magic, digest] = text.slice(0, nl).split(" ");
  const body = text.slice(nl + 1);
  if (magic !== ENTRY_MAGIC || sha256(Buffer.from(body)) !== digest) return null;
  try {
    const parsed = JSON.parse(body) as { outputs?: EntryOutput[] };
    return Array.isArray(parsed.outputs) ? parsed.outputs : null;
  } catch {
    return null;
  }
}

/**
 * writeIfChanged writes data to path atomically (temp file in the same directory, then rename)
 * unless path already holds exactly data. Leaving an unchanged file untouched keeps its mtime,
 * which is what lets Ninja's restat cut the rebuild off. Returns whether it wrote.
 */
export function writeIfChanged(path: string, data: Uint8Array, mode = 0o644): boolean {
  try {
    const st = statSync(path);
    if (st.size === data.length && Buffer.compare(readFileSync(path), data) === 0) {
      if ((st.mode & 0o777) !== mode) chmodSync(path, mode);
      return false;
    }
  } catch {
    // No file yet.
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    writeFileSync(tmp, data, { mode });
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return true;
}
