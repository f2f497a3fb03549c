// Copies an OS image row's url (file://, http://, https://) to a local file, hashing as it goes
// and reporting progress; never holds the image in memory and never leaves a partial file.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { replaceAtomically } from "@/lib/files/partial";

export type Progress = (bytes: number, total: number | null) => void;

/** The source could not be read (missing file, unreachable host, HTTP error, cut short): worth a retry later. */
export class SourceUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceUnavailable";
  }
}

/** What identifies one version of the source: a changed fingerprint means the content may have changed. */
const fileFingerprint = (size: number, mtimeMs: number) => `size=${size} mtime=${Math.floor(mtimeMs)}`;
const httpFingerprint = (h: Headers) =>
  `etag=${h.get("etag") ?? ""} last-modified=${h.get("last-modified") ?? ""} length=${h.get("content-length") ?? ""}`;

async function request(url: string, method: "GET" | "HEAD", signal?: AbortSignal): Promise<Response> {
  const u = new URL(url);
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error(`Unsupported URL scheme ${u.protocol}`);
  let res: Response;
  try {
    res = await fetch(url, { method, signal, redirect: "follow" });
  } catch (err) {
    throw new SourceUnavailable(
      `Cannot reach ${u.host}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`,
    );
  }
  if (!res.ok) throw new SourceUnavailable(`${method} ${url} answered ${res.status} ${res.statusText}`);
  return res;
}

async function statSource(url: string): Promise<{ file: string; size: number; fingerprint: string }> {
  const file = fileURLToPath(url);
  const info = await stat(file).catch(() => null);
  // The server's own paths stay on the server: the message reaches the browser.
  if (!info?.isFile())
    throw new SourceUnavailable(`${path.basename(file)} does not exist on the server or is not a file`);
  return { file, size: info.size, fingerprint: fileFingerprint(info.size, info.mtimeMs) };
}

type Opened = { body: Readable; total: number | null; fingerprint: string };

async function open(url: string, signal?: AbortSignal): Promise<Opened> {
  if (url.startsWith("file:")) {
    const { file, size, fingerprint } = await statSource(url);
    return { body: createReadStream(file), total: size, fingerprint };
  }
  const res = await request(url, "GET", signal);
  if (!res.body) throw new SourceUnavailable(`GET ${url} answered without a body`);
  const len = Number(res.headers.get("content-length"));
  return {
    body: Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
    total: Number.isFinite(len) && len > 0 ? len : null,
    fingerprint: httpFingerprint(res.headers),
  };
}

/** Whether the source can be read now, and its fingerprint (file: stat; http: HEAD), without fetching it. */
export async function probeSource(url: string): Promise<{ fingerprint: string } | { unavailable: string }> {
  try {
    if (url.startsWith("file:")) return { fingerprint: (await statSource(url)).fingerprint };
    const res = await request(url, "HEAD", AbortSignal.timeout(10_000));
    return { fingerprint: httpFingerprint(res.headers) };
  } catch (err) {
    return { unavailable: (err as Error).message };
  }
}

const LOCAL_ERRORS = new Set(["ENOSPC", "EDQUOT", "EACCES", "EROFS", "EIO", "EEXIST", "EMFILE"]);

export type Downloaded = { size: number; sha256: string; fingerprint: string };

/**
 * Copies `url` to `dest` through a temp name; `check` sees the complete temp file (verification)
 * before it is renamed into place. `onSource` learns the source's fingerprint as soon as it is open.
 */
export async function download(
  url: string,
  dest: string,
  opts: {
    onProgress?: Progress;
    onSource?: (fingerprint: string) => void;
    check?: (tmp: string) => Promise<void>;
    signal?: AbortSignal;
  } = {},
): Promise<Downloaded> {
  const { body, total, fingerprint } = await open(url, opts.signal);
  opts.onSource?.(fingerprint);
  const hash = createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      bytes += chunk.length;
      opts.onProgress?.(bytes, total);
      cb(null, chunk);
    },
  });
  await replaceAtomically(dest, async (tmp) => {
    await pipeline(body, meter, createWriteStream(tmp, { flags: "wx" }), { signal: opts.signal }).catch((err) => {
      // A local write failure or an abort is ours; anything else broke on the reading side.
      if (opts.signal?.aborted || LOCAL_ERRORS.has((err as NodeJS.ErrnoException).code ?? "")) throw err;
      throw new SourceUnavailable(`Reading ${url} failed after ${bytes} bytes: ${(err as Error).message}`);
    });
    if (total !== null && bytes !== total)
      throw new SourceUnavailable(`Got ${bytes} bytes but ${total} were announced`);
    await opts.check?.(tmp);
  });
  return { size: bytes, sha256: hash.digest("hex"), fingerprint };
}
