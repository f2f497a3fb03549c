// Copies an OS image row's url (file://, http://, https://) to a local file, hashing as it goes
// and reporting progress; never holds the image in memory and never leaves a partial file.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";

export type Progress = (bytes: number, total: number | null) => void;

async function open(url: string, signal?: AbortSignal): Promise<{ body: Readable; total: number | null }> {
  const u = new URL(url);
  if (u.protocol === "file:") {
    const file = fileURLToPath(u);
    const info = await stat(file).catch(() => null);
    // The server's own paths stay on the server: the message reaches the browser.
    if (!info?.isFile()) throw new Error(`${path.basename(file)} does not exist on the server or is not a file`);
    return { body: createReadStream(file), total: info.size };
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error(`Unsupported URL scheme ${u.protocol}`);
  let res: Response;
  try {
    res = await fetch(url, { signal, redirect: "follow" });
  } catch (err) {
    throw new Error(
      `Cannot reach ${u.host}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`,
    );
  }
  if (!res.ok || !res.body) throw new Error(`GET ${url} answered ${res.status} ${res.statusText}`);
  const len = Number(res.headers.get("content-length"));
  return {
    body: Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
    total: Number.isFinite(len) && len > 0 ? len : null,
  };
}

export async function download(
  url: string,
  dest: string,
  onProgress: Progress = () => {},
  signal?: AbortSignal,
): Promise<{ size: number; sha256: string }> {
  const { body, total } = await open(url, signal);
  const hash = createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      bytes += chunk.length;
      onProgress(bytes, total);
      cb(null, chunk);
    },
  });
  const tmp = `${dest}.part-${process.pid}-${Date.now()}`;
  try {
    await pipeline(body, meter, createWriteStream(tmp), { signal });
    if (total !== null && bytes !== total) throw new Error(`Got ${bytes} bytes but ${total} were announced`);
    await rename(tmp, dest);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { size: bytes, sha256: hash.digest("hex") };
}
