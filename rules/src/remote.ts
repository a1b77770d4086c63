// A client for the HTTP remote cache protocol Bazel speaks (`--remote_cache=http://...`), so
// Ninja-driven rog actions share a cache server with Bazel builds:
//   GET/PUT <url>/ac/<sha256>   an ActionResult protobuf (build.bazel.remote.execution.v2)
//   GET/PUT <url>/cas/<sha256>  a blob, named by the SHA-256 of its bytes
// rog's remote action key is the SHA-256 of the same key material as the local cache's key, so
// it never depends on paths either. Every blob read is re-hashed; one whose bytes do not match
// its name is refused (the action then runs and its upload replaces the bad blob).

import { createHash } from "node:crypto";
import { canonicalJSON, type CachedOutput } from "./cache.js";

/** OutputFile is the part of the protocol's OutputFile rog uses. */
export interface OutputFile {
  /** path is the output's role within its action ("rogx", "out", ...). */
  path: string;
  sha256: string;
  size: number;
  isExecutable: boolean;
}

/** ActionResult is the part of the protocol's ActionResult rog reads and writes. */
export interface ActionResult {
  outputFiles: OutputFile[];
  exitCode: number;
}

/** RemoteIntegrityError is a blob whose bytes do not match its digest. */
export class RemoteIntegrityError extends Error {}

/** remoteKey is the SHA-256 action key for key material (see cmd_action's keyMaterial). */
export function remoteKey(material: unknown): string {
  return sha256(Buffer.from("rog remote action v1\n" + canonicalJSON(material), "utf8"));
}

/** RemoteCache talks to one HTTP cache server. */
export class RemoteCache {
  private readonly base: string;

  /** timeoutMs bounds each request; a slow or dead server costs a rebuild, not a hang. */
  constructor(
    url: string,
    private readonly timeoutMs = 60_000,
  ) {
    this.base = url.replace(/\/+$/, "");
  }

  /**
   * get returns the outputs stored for key, or null when the server has no usable entry.
   * A blob that does not match its digest throws RemoteIntegrityError.
   */
  async get(key: string): Promise<CachedOutput[] | null> {
    const ac = await this.fetchBytes(`ac/${key}`);
    if (!ac) return null;
    const result = decodeActionResult(ac);
    if (result.exitCode !== 0) return null;
    const outputs: CachedOutput[] = [];
    for (const f of result.outputFiles) {
      const data = await this.fetchBytes(`cas/${f.sha256}`);
      if (!data) return null;
      if (data.length !== f.size || sha256(data) !== f.sha256) {
        throw new RemoteIntegrityError(
          `blob cas/${f.sha256} (${f.path}) does not match its digest: refused`,
        );
      }
      outputs.push({ role: f.path, data, mode: f.isExecutable ? 0o755 : 0o644 });
    }
    return outputs;
  }

  /** put uploads the blobs, then the ActionResult naming them. */
  async put(key: string, outputs: CachedOutput[]): Promise<void> {
    const files: OutputFile[] = [];
    for (const o of outputs) {
      const digest = sha256(o.data);
      await this.putBytes(`cas/${digest}`, o.data);
      files.push({
        path: o.role,
        sha256: digest,
        size: o.data.length,
        isExecutable: (o.mode & 0o111) !== 0,
      });
    }
    await this.putBytes(`ac/${key}`, encodeActionResult({ outputFiles: files, exitCode: 0 }));
  }

  private async fetchBytes(path: string): Promise<Uint8Array | null> {
    const res = await fetch(`${this.base}/${path}`, {
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  private async putBytes(path: string, data: Uint8Array): Promise<void> {
    const res = await fetch(`${this.base}/${path}`, {
      method: "PUT",
      body: data.slice(),
      headers: { "content-type": "application/octet-stream" },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`PUT ${path}: HTTP ${res.status}`);
  }
}

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

// Protobuf wire format, for the few fields rog uses:
//   ActionResult { repeated OutputFile output_files = 2; int32 exit_code = 4; }
//   OutputFile   { string path = 1; Digest digest = 2; bool is_executable = 4; }
//   Digest       { string hash = 1; int64 size_bytes = 2; }

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;

/** encodeActionResult writes an ActionResult message. */
export function encodeActionResult(r: ActionResult): Uint8Array {
  const w = new Writer();
  for (const f of r.outputFiles) w.message(2, encodeOutputFile(f));
  if (r.exitCode !== 0) w.varintField(4, BigInt.asUintN(64, BigInt(r.exitCode)));
  return w.bytes();
}

function encodeOutputFile(f: OutputFile): Uint8Array {
  const digest = new Writer();
  digest.string(1, f.sha256);
  if (f.size !== 0) digest.varintField(2, BigInt(f.size));
  const w = new Writer();
  w.string(1, f.path);
  w.message(2, digest.bytes());
  if (f.isExecutable) w.varintField(4, 1n);
  return w.bytes();
}

/** decodeActionResult reads an ActionResult, skipping fields rog does not use. */
export function decodeActionResult(b: Uint8Array): ActionResult {
  const r: ActionResult = { outputFiles: [], exitCode: 0 };
  for (const f of fields(b)) {
    if (f.num === 2 && f.bytes) r.outputFiles.push(decodeOutputFile(f.bytes));
    else if (f.num === 4 && f.varint !== undefined)
      r.exitCode = Number(BigInt.asIntN(32, f.varint));
  }
  return r;
}

function decodeOutputFile(b: Uint8Array): OutputFile {
  const out: OutputFile = { path: "", sha256: "", size: 0, isExecutable: false };
  const text = new TextDecoder("utf-8", { fatal: true });
  for (const f of fields(b)) {
    if (f.num === 1 && f.bytes) out.path = text.decode(f.bytes);
    else if (f.num === 4 && f.varint !== undefined) out.isExecutable = f.varint !== 0n;
    else if (f.num === 2 && f.bytes) {
      for (const d of fields(f.bytes)) {
        if (d.num === 1 && d.bytes) out.sha256 = text.decode(d.bytes);
        else if (d.num === 2 && d.varint !== undefined) out.size = Number(d.varint);
      }
    }
  }
  return out;
}

interface Field {
  num: number;
  varint?: bigint;
  bytes?: Uint8Array;
}

/** fields splits a message into its fields; a malformed message throws. */
function* fields(b: Uint8Array): Generator<Field> {
  let i = 0;
  const varint = (): bigint => {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (i >= b.length || shift > 63n) throw new Error("protobuf: bad varint");
      const byte = b[i++];
      v |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return v;
    }
  };
  while (i < b.length) {
    const tag = varint();
    const num = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === VARINT) yield { num, varint: varint() };
    else if (wire === LEN) {
      const n = Number(varint());
      if (i + n > b.length) throw new Error("protobuf: truncated field");
      yield { num, bytes: b.subarray(i, i + n) };
      i += n;
    } else if (wire === I64) i += 8;
    else if (wire === I32) i += 4;
    else throw new Error(`protobuf: unsupported wire type ${wire}`);
  }
  if (i !== b.length) throw new Error("protobuf: truncated field");
}

class Writer {
  private readonly parts: number[] = [];

  varint(v: bigint): void {
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      this.parts.push(byte);
    } while (v !== 0n);
  }

  varintField(num: number, v: bigint): void {
    this.varint(BigInt((num << 3) | VARINT));
    this.varint(v);
  }

  message(num: number, data: Uint8Array): void {
    this.varint(BigInt((num << 3) | LEN));
    this.varint(BigInt(data.length));
    for (const x of data) this.parts.push(x);
  }

  string(num: number, s: string): void {
    this.message(num, new TextEncoder().encode(s));
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}
