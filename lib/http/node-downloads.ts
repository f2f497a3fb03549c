// Requests answered by the Node server itself, in front of Next: downloads, the agent API that a
// thousand booted hosts poll, the big lists and live job logs. Next pipes a route handler's body through Web streams in small pieces
// and drops its Content-Length (ISO downloads came at 0.3x nginx that way), and its routing costs
// about a millisecond of CPU per request (a poll's whole budget). Here the same route handlers run
// (auth, validation, problem+json errors are theirs); only the response is written by this module:
// a download's body in large reads straight into the socket, waiting on backpressure, patched in
// place, never compressed; any other body whole, gzipped when the client asks (at once up to 4 MiB,
// larger ones in the thread pool while sent).
import { open } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createGzip, gzip, gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { applyPatches } from "@/lib/iso/overlay";
import { noneMatch } from "./conditional";
import { bodyOf, type Plan, planOf, sendBodyItself } from "./download-plan";
import { downloadLimiter } from "./limiter";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** Path segments; ":name" captures one segment as a param. GET routes also answer HEAD. */
export type DownloadRoute = { path: string; handler: Handler; method?: "GET" | "POST" };

// Memory for bodies in flight is bounded across all downloads: one download alone reads 1 MiB at a
// time (the fewest system calls), 200 at once 64 KiB each. Each download reads into two buffers in
// turn, one filling while the socket sends the other, taken from a pool: allocating a buffer per
// read left hundreds of MiB of freed-but-kept heap under 200 downloads.
const BUDGET = 16 * 1024 * 1024;
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 1024 * 1024;

export function chunkSize(active: number): number {
  const share = BUDGET / Math.max(1, active);
  let size = MIN_CHUNK;
  while (size * 2 <= Math.min(share, MAX_CHUNK)) size *= 2;
  return size;
}

const pool = new Map<number, Buffer[]>();
let pooledBytes = 0;
let heldBytes = 0;

/** Bytes of read buffers held by the downloads in progress (the pool's free ones aside). */
export const readBuffersHeld = () => heldBytes;

function takeBuffer(size: number): Buffer {
  heldBytes += size;
  const free = pool.get(size)?.pop();
  if (!free) return Buffer.allocUnsafe(size);
  pooledBytes -= size;
  return free;
}

/** Let go of a buffer no longer wanted at its size: the pool keeps the sizes still in use. */
function dropBuffer(buf: Buffer): void {
  heldBytes -= buf.length;
}

function giveBuffer(buf: Buffer): void {
  heldBytes -= buf.length;
  if (pooledBytes + buf.length > BUDGET) return;
  pooledBytes += buf.length;
  const list = pool.get(buf.length) ?? [];
  list.push(buf);
  pool.set(buf.length, list);
}

type Compiled = DownloadRoute & { pattern: string[] };

function match(routes: Compiled[], method: string, pathname: string) {
  const parts = pathname.split("/");
  const wanted = method === "HEAD" ? "GET" : method;
  for (const r of routes) {
    if ((r.method ?? "GET") !== wanted) continue;
    const pattern = r.pattern;
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; ok && i < pattern.length; i++) {
      if (pattern[i].startsWith(":")) {
        try {
          params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          ok = false;
        }
        ok &&= parts[i] !== "";
      } else ok = pattern[i] === parts[i];
    }
    if (ok) return { handler: r.handler, params };
  }
  return null;
}

/** From req.headers, not rawHeaders: the request guard in scripts/server.mjs has edited them (peer, forwarded). */
function webRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream);
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    signal,
    body,
    duplex: "half",
  } as RequestInit);
}

const ANSWERED = new DOMException("The response was sent", "AbortError");
const CLIENT_LEFT = new DOMException("The client went away", "AbortError");

/**
 * A request handler for the Node server: true when it took the request (one of `routes`), false to
 * leave it to Next.
 */
export function nodeDownloads(routes: DownloadRoute[]) {
  const compiled = routes.map((r) => ({ ...r, pattern: r.path.split("/") }));
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? "/";
    const found = match(compiled, req.method ?? "GET", url.split("?")[0]);
    if (!found) return false;
    let request: Request;
    const aborted = new AbortController();
    try {
      request = webRequest(req, aborted.signal);
    } catch {
      return false; // an unparsable Host or URL: Next answers it like any other request
    }
    // Aborted whatever the end: that also lets go of what followed the signal (the Web Request's
    // own signal and its listeners; left unaborted they piled up under 1,000 polling agents). The
    // reason is made once: a new AbortError per request cost its stack trace each time.
    res.on("close", () => aborted.abort(res.writableFinished ? ANSWERED : CLIENT_LEFT));
    answer(request, res, found.handler, found.params).catch((err) => {
      console.error("[archway] download failed:", err);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
    return true;
  };
}

async function answer(request: Request, res: ServerResponse, handler: Handler, params: Record<string, string>) {
  sendBodyItself(request);
  const response = await handler(request, { params: Promise.resolve(params) });
  const plan = planOf(response);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  if (!plan) {
    const pieces = bodyOf(response);
    if (pieces) {
      void response.body?.cancel();
      await sendPieces(request, res, response.status, headers, pieces);
      return;
    }
    if (response.body && String(headers["content-type"]).startsWith("text/event-stream")) {
      await sendEvents(request, res, response.status, headers, response.body);
      return;
    }
    let body: Buffer | null = request.method === "HEAD" ? null : Buffer.from(await response.arrayBuffer());
    if (body && gzipWanted(request, headers, body.length)) {
      body = await gzipWhole(body);
      headers["content-encoding"] = "gzip";
      headers["content-length"] = String(body.length);
    } else if (body && headers["content-length"] === undefined) headers["content-length"] = String(body.length);
    if (headers["content-type"] && !headers.vary) headers.vary = "Accept-Encoding";
    res.writeHead(response.status, headers).end(body);
    return;
  }
  try {
    res.writeHead(response.status, headers);
    // The headers go at once, before the first read: a client's time to first byte does not wait
    // for the disk (sending them with a small range's only chunk saved a write but made it later).
    res.flushHeaders();
    await sendBody(res, plan);
  } finally {
    plan.release();
  }
}

// Level 1: a 2 MB host list in ~3.5 ms instead of ~16 ms at the default level, for a body about a
// fifth larger; these are API answers on the console's own network.
const gzipAsync = promisify(gzip);
// A body up to this size is compressed at once on the event loop (a 2 MB host list in ~3.5 ms).
// Handed to the thread pool, the same list's compression took 15-100 ms under a thousand polling
// agents (bench:hosts): the pool thread waited for a core, and the loop took each 16 KiB of output
// back in its turn between the polls. Larger bodies still go through the pool.
const GZIP_AT_ONCE = 4 * 1024 * 1024;

const gzipWhole = async (body: Buffer): Promise<Buffer> =>
  body.length <= GZIP_AT_ONCE ? gzipSync(body, { level: 1 }) : gzipAsync(body, { level: 1 });
const COMPRESS_FROM = 1024;

/** Text of a kilobyte or more, not encoded already, to a client that accepts gzip. */
function gzipWanted(request: Request, headers: Record<string, string | string[]>, length: number): boolean {
  const type = String(headers["content-type"] ?? "");
  return (
    length >= COMPRESS_FROM &&
    !headers["content-encoding"] &&
    /json|^text\//.test(type) &&
    acceptsGzip(request.headers.get("accept-encoding"))
  );
}

/** gzip named in Accept-Encoding with a weight above zero (or `*`). */
export function acceptsGzip(header: string | null): boolean {
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name !== "gzip" && name !== "*") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

// The gzip of a body that names its bytes by an ETag (the clusters list), kept under that ETag: the
// unpaged list of 10,000 clusters is 14 MB of JSON, ~60 ms of compression, and unchanged between most
// polls. A changed list has another ETag; old ones age out.
const KEEP_GZIP_OF = 64 * 1024 * 1024;
const gzipKept = new LRUCache<string, Buffer>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (b) => b.length });

/** Gzip input grouped this large: one write of a 100-byte piece is a thread-pool task of its own. */
const GZIP_BATCH = 256 * 1024;

function* batches(pieces: Buffer[]) {
  let group: Buffer[] = [];
  let size = 0;
  for (const p of pieces) {
    group.push(p);
    size += p.length;
    if (size >= GZIP_BATCH) {
      yield Buffer.concat(group, size);
      group = [];
      size = 0;
    }
  }
  if (size) yield Buffer.concat(group, size);
}

async function sendPieces(
  request: Request,
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  pieces: Buffer[],
) {
  const length = pieces.reduce((n, p) => n + p.length, 0);
  headers.vary = "Accept-Encoding";
  const etag = typeof headers.etag === "string" ? headers.etag : undefined;
  if (etag && status === 200 && noneMatch(request.headers.get("if-none-match"), etag)) {
    delete headers["content-length"];
    return void res.writeHead(304, headers).end();
  }
  if (gzipWanted(request, headers, length)) {
    headers["content-encoding"] = "gzip";
    const kept = etag ? gzipKept.get(etag) : undefined;
    if (kept) {
      headers["content-length"] = String(kept.length);
      res.writeHead(status, headers);
      return void res.end(request.method === "HEAD" ? undefined : kept);
    }
    if (length <= GZIP_AT_ONCE) {
      const body = await gzipWhole(Buffer.concat(pieces, length));
      if (etag) gzipKept.set(etag, body);
      headers["content-length"] = String(body.length);
      res.writeHead(status, headers);
      return void res.end(request.method === "HEAD" ? undefined : body);
    }
    // Streamed: the compressed length is known only at the end, so the body goes chunked.
    delete headers["content-length"];
    res.writeHead(status, headers);
    if (request.method === "HEAD") return void res.end();
    const gz = createGzip({ level: 1 });
    const out: Buffer[] = [];
    if (etag && length <= KEEP_GZIP_OF) gz.on("data", (chunk: Buffer) => out.push(chunk));
    await pipeline(Readable.from(batches(pieces)), gz, res).then(
      () => {
        if (out.length) gzipKept.set(etag!, Buffer.concat(out));
      },
      (err) => {
        if (!res.destroyed) throw err;
      },
    );
    return;
  }
  headers["content-length"] = String(length);
  res.writeHead(status, headers);
  if (request.method === "HEAD") return void res.end();
  res.cork();
  for (const p of pieces) res.write(p);
  res.uncork();
  res.end();
}

/**
 * A body written as it is produced (Server-Sent Events): each chunk at once, never compressed or
 * buffered, waiting on backpressure. The client going away aborts the request's signal, which ends
 * the producer's stream.
 */
async function sendEvents(
  request: Request,
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  body: ReadableStream<Uint8Array>,
) {
  res.writeHead(status, headers);
  res.flushHeaders();
  if (request.method === "HEAD") {
    void body.cancel();
    return void res.end();
  }
  const wait = untilClosed(res);
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await wait.for((done) => res.once("drain", done));
    }
    res.end();
  } finally {
    void reader.cancel().catch(() => {});
  }
}

/**
 * Waits on a response (a write's callback, a drain) that also end when the client goes away. One
 * close listener serves every wait: racing each write against one "close" promise added a reaction
 * to it per chunk, kept until the response ended (200 downloads of 64 MiB in 64 KiB chunks: the
 * heap grew 116 MiB in bench:iso).
 */
function untilClosed(res: ServerResponse) {
  const waiting = new Set<() => void>();
  let closed = false;
  res.once("close", () => {
    closed = true;
    for (const done of waiting) done();
  });
  return {
    for(start: (done: () => void) => void): Promise<void> {
      if (closed || res.destroyed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          waiting.delete(done);
          resolve();
        };
        waiting.add(done);
        start(done);
      });
    },
  };
}

async function sendBody(res: ServerResponse, plan: Plan) {
  const { source, start, end } = plan;
  if ("open" in source) {
    // A client that goes away ends the pipeline early; that is not an error of ours.
    await pipeline(source.open(start, end), res).catch((err) => {
      if (!res.destroyed) throw err;
    });
    return;
  }
  const fh = await open(source.file, "r");
  const first = chunkSize(downloadLimiter().inUse);
  const buffers = [takeBuffer(first), takeBuffer(first)];
  const sending: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  const wait = untilClosed(res);
  try {
    const patches = source.patches ?? [];
    let pos = start;
    for (let i = 0; pos <= end; i ^= 1) {
      await sending[i]; // the socket is done with this buffer
      if (res.destroyed) return;
      // Downloads that began alone read in large buffers; as others begin they shrink to their
      // share, so the buffers of all downloads together stay near the budget (taken at the start
      // and kept, the first sixteen of 200 would hold 1 MiB each to their end).
      const size = chunkSize(downloadLimiter().inUse);
      if (buffers[i].length > size) {
        dropBuffer(buffers[i]);
        buffers[i] = takeBuffer(size);
      }
      const want = Math.min(buffers[i].length, end + 1 - pos);
      const { bytesRead } = await fh.read(buffers[i], 0, want, pos);
      if (bytesRead === 0) throw new Error(`${source.file} ended early at ${pos}`);
      const chunk = buffers[i].subarray(0, bytesRead);
      applyPatches(chunk, pos, patches);
      pos += bytesRead;
      // The callback comes once the kernel has the bytes (or the socket failed): then the buffer is
      // free. The last chunk ends the response in the same write.
      const last = pos > end;
      sending[i] = wait.for((done) => (last ? res.end(chunk, () => done()) : res.write(chunk, () => done())));
    }
    await Promise.all(sending);
  } finally {
    await fh.close();
    await Promise.all(sending);
    buffers.forEach(giveBuffer);
  }
}
