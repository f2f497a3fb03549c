// The Node server's own download writer, behind a real HTTP server: the bytes of every range equal the
// patched file, HEAD/304/416 and errors come from the route handler, a client that stops reading holds
// back the reads (backpressure), and every slot of the process-wide limiter comes back.
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { resetEnvForTests } from "@/lib/env";
import { applyPatches, type Patch } from "@/lib/iso/overlay";
import { notFound } from "./errors";
import { downloadLimiter } from "./limiter";
import { chunkSize, nodeDownloads, readBuffersHeld } from "./node-downloads";
import { pageTextResponse } from "./paged";
import { route } from "./route";
import { streamFile } from "./stream-file";

const dir = mkdtempSync(path.join(tmpdir(), "node-downloads-"));
const SIZE = 8 * 1024 * 1024 + 123;
const content = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i++) content[i] = (i * 31 + (i >> 11)) & 0xff;
const file = path.join(dir, "image.iso");
writeFileSync(file, content);
const patches: Patch[] = [
  { offset: 32768, data: Buffer.from("PATCHED-AREA") },
  { offset: SIZE - 5, data: Buffer.from("TAIL!") },
];
const expected = Buffer.from(content);
applyPatches(expected, 0, patches);
// A long download without the disk: a sparse file of 512 MiB.
const LONG = 512 * 1024 * 1024;
const longFile = path.join(dir, "long.iso");
truncateSync((writeFileSync(longFile, ""), longFile), LONG);

const handler = route({ access: "public", params: z.object({ name: z.string() }) }, async ({ req, params }) => {
  if (params.name === "missing") throw notFound("No such image");
  const servable = {
    size: SIZE,
    etag: '"v1"',
    filename: "image.iso",
    contentType: "application/octet-stream",
    cacheControl: "no-store",
  };
  if (params.name === "long")
    return streamFile(req, { ...servable, size: LONG, etag: '"long"', file: longFile, patches: [] });
  return params.name === "blob"
    ? streamFile(req, {
        ...servable,
        open: (start, end) => Readable.from([expected.subarray(start, end + 1)]),
      })
    : streamFile(req, { ...servable, file, patches });
});

// API routes the Node server also answers: a POST with a validated JSON body, a GET of a list.
const echo = route(
  { access: "public", params: z.object({ name: z.string() }), body: z.object({ count: z.number().int() }).strict() },
  async ({ params, body }) => ({ name: params.name, count: body.count }),
);
const things = Array.from({ length: 300 }, (_, i) => ({ id: i, label: `thing number ${i}` }));
const listThings = route({ access: "public", params: z.object({ name: z.string() }) }, async () => things);

// A list written as kept pieces (pageTextResponse with Buffers), as the clusters and hosts lists are.
const pieceRows = things.map((t) => Buffer.from(JSON.stringify(t)));
const listPieces = route({ access: "public" }, async () =>
  pageTextResponse(
    [Buffer.from("["), ...pieceRows.flatMap((b, i) => (i ? [Buffer.from(","), b] : [b])), Buffer.from("]")],
    things.length,
  ),
);
// The same kind of list naming its bytes by a tag (as the clusters list does); the test changes both.
const tagged = { rows: things as unknown[], tag: "v1" };
const listTagged = route({ access: "public" }, async () =>
  pageTextResponse([Buffer.from(JSON.stringify(tagged.rows))], tagged.rows.length, tagged.tag),
);

// A list over the 4 MiB that is compressed at once: compressed while it is sent.
const largeRows = Array.from({ length: 60_000 }, (_, i) => ({
  id: i,
  label: `large thing ${i} ${"x".repeat(i % 97)}`,
}));
const listLarge = route({ access: "public" }, async () =>
  pageTextResponse(
    largeRows.map((r, i) =>
      Buffer.from(`${i ? "," : "["}${JSON.stringify(r)}${i === largeRows.length - 1 ? "]" : ""}`),
    ),
    largeRows.length,
    "large-v1",
  ),
);

// A live event stream (as a job's log is): the test pushes each event; the route sees the client leave.
const events = { push: (_: string) => {}, end: () => {}, left: false };
const liveEvents = route({ access: "public" }, async ({ req }) => {
  events.left = false;
  req.signal.addEventListener("abort", () => (events.left = true));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      events.push = (data) => c.enqueue(encoder.encode(`data: ${data}\n\n`));
      events.end = () => c.close();
      events.push("first");
    },
  });
  return new Response(body, { headers: { "Content-Type": "text/event-stream; charset=utf-8" } });
});

/** A GET whose body is left as sent (fetch would decode gzip). */
const get = (url: string, headers: Record<string, string>, method = "GET") =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });

let server: http.Server;
let base: string;
beforeAll(async () => {
  const serve = nodeDownloads([
    { path: "/dl/:name", handler },
    { path: "/api/things/:name", handler: echo, method: "POST" },
    { path: "/api/things/:name", handler: listThings },
    { path: "/api/pieces", handler: listPieces },
    { path: "/api/tagged", handler: listTagged },
    { path: "/api/large", handler: listLarge },
    { path: "/api/events", handler: liveEvents },
  ]);
  server = http.createServer((req, res) => {
    if (!serve(req, res)) res.writeHead(418).end("not a download");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function settled() {
  for (let i = 0; i < 100 && downloadLimiter().inUse > 0; i++) await new Promise((r) => setTimeout(r, 20));
  return downloadLimiter().inUse;
}

describe("downloads answered by the Node server", () => {
  it("sends the whole patched file with its Content-Length, uncompressed even when gzip is accepted", async () => {
    const res = await fetch(`${base}/dl/iso`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(SIZE));
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="image.iso"');
    expect(Buffer.from(await res.arrayBuffer()).equals(expected)).toBe(true);
    expect(await settled()).toBe(0);
  });

  it("sends exactly the bytes of any range, from a file with patches or from a stored blob", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: SIZE - 1 }),
        fc.integer({ min: 0, max: 3 * 1024 * 1024 }),
        fc.constantFrom("iso", "blob"),
        async (start, length, name) => {
          const end = Math.min(SIZE - 1, start + length);
          const res = await fetch(`${base}/dl/${name}`, { headers: { range: `bytes=${start}-${end}` } });
          expect(res.status).toBe(206);
          expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${SIZE}`);
          expect(res.headers.get("content-length")).toBe(String(end - start + 1));
          expect(Buffer.from(await res.arrayBuffer()).equals(expected.subarray(start, end + 1))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
    expect(await settled()).toBe(0);
  });

  it("answers HEAD, If-None-Match, If-Range, unsatisfiable ranges and handler errors like the route does", async () => {
    const head = await fetch(`${base}/dl/iso`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(SIZE));
    expect((await fetch(`${base}/dl/iso`, { headers: { "if-none-match": '"v1"' } })).status).toBe(304);
    // A list, a weak form of the tag, `*`: the same representation (RFC 9110's weak comparison).
    for (const tags of ['"v0", "v1"', 'W/"v1"', "*"])
      expect((await fetch(`${base}/dl/iso`, { headers: { "if-none-match": tags } })).status).toBe(304);
    const other = await fetch(`${base}/dl/iso`, { headers: { "if-none-match": '"v0", "v2"', range: "bytes=0-9" } });
    expect(other.status).toBe(206);
    await other.arrayBuffer();
    // If-Range lets a range through only for the same strong tag.
    for (const [ifRange, status] of [
      ['"v1"', 206],
      ['"v0"', 200],
      ['W/"v1"', 200],
    ] as const) {
      const res = await fetch(`${base}/dl/iso`, { headers: { range: "bytes=0-9", "if-range": ifRange } });
      expect(res.status).toBe(status);
      await res.arrayBuffer();
    }
    const outside = await fetch(`${base}/dl/iso`, { headers: { range: `bytes=${SIZE}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get("content-range")).toBe(`bytes */${SIZE}`);
    const missing = await fetch(`${base}/dl/missing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect((await missing.json()).detail).toBe("No such image");
    expect((await fetch(`${base}/elsewhere`)).status).toBe(418);
    expect((await fetch(`${base}/dl/iso`, { method: "POST" })).status).toBe(418);
    expect(await settled()).toBe(0);
  });

  it("reads no further than the socket takes while a client stops reading, and frees the slot when it leaves", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const { socket, received } = await new Promise<{ socket: import("node:net").Socket; received: () => number }>(
      (resolve) => {
        const req = http.get(`${base}/dl/iso`, (res) => {
          let got = 0;
          res.once("data", (c: Buffer) => {
            got += c.length;
            res.pause();
            resolve({ socket: req.socket!, received: () => got });
          });
        });
      },
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(downloadLimiter().inUse).toBe(1);
    // The file is 8 MiB; with backpressure the server holds a few chunks, not the rest of the file.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(6 * 1024 * 1024);
    expect(received()).toBeLessThan(SIZE);
    socket.destroy();
    expect(await settled()).toBe(0);
  });

  it("shrinks a download's read buffers to its share when others begin, and holds none once all end", async () => {
    const MiB = 1024 * 1024;
    const paused = await new Promise<{ res: http.IncomingMessage; chunks: Buffer[] }>((resolve) => {
      http.get(`${base}/dl/iso`, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.once("data", () => {
          res.pause();
          resolve({ res, chunks });
        });
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(readBuffersHeld()).toBe(2 * MiB); // alone: two 1 MiB buffers
    // 199 other downloads begin (their slots taken as theirs would be).
    const others = Array.from({ length: 199 }, () => downloadLimiter().tryAcquire()!);
    try {
      const done = new Promise((r) => paused.res.on("end", r));
      // Weighed at each chunk the client gets: the server is between two reads of this download.
      const sizes: number[] = [];
      paused.res.on("data", () => sizes.push(readBuffersHeld()));
      paused.res.resume();
      await done;
      // Each buffer, once the socket was done with it, was taken again at the 64 KiB share (the
      // last chunks reach the client after the server has let go of both: 0 then).
      expect(sizes).toContain(2 * 64 * 1024);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * 1024 * 1024);
      expect(Buffer.concat(paused.chunks).equals(expected)).toBe(true);
    } finally {
      for (const release of others) release();
    }
    expect(await settled()).toBe(0);
    expect(readBuffersHeld()).toBe(0);
  });

  it("holds nothing per chunk sent: a 512 MiB download's heap is the same near its end as near its start", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const heapAfterGc = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    // Its share with 199 others: 64 KiB chunks, 8,192 of them.
    const others = Array.from({ length: 199 }, () => downloadLimiter().tryAcquire()!);
    try {
      const heap: number[] = [];
      await new Promise<void>((resolve, reject) => {
        http
          .get(`${base}/dl/long`, (res) => {
            let got = 0;
            const marks = [LONG * 0.05, LONG * 0.95];
            res.on("data", (c: Buffer) => {
              got += c.length;
              if (marks.length && got >= marks[0]) {
                marks.shift();
                res.pause();
                // Let the server's in-flight writes settle, then weigh the heap.
                setTimeout(() => {
                  heap.push(heapAfterGc());
                  res.resume();
                }, 100);
              }
            });
            res.on("end", () => (got === LONG ? resolve() : reject(new Error(`got ${got} bytes`))));
          })
          .on("error", reject);
      });
      // ~7,400 chunks went between the two weighings; racing each write against the response's close
      // kept ~220 bytes per chunk (1.6 MB here).
      expect(heap[1] - heap[0]).toBeLessThan(512 * 1024);
    } finally {
      for (const release of others) release();
    }
    expect(await settled()).toBe(0);
  });

  it("answers 503 with Retry-After when every download slot is taken", async () => {
    process.env.ARCHWAY_MAX_CONCURRENT_DOWNLOADS = "1";
    resetEnvForTests();
    try {
      const first = await fetch(`${base}/dl/iso`);
      const second = await fetch(`${base}/dl/iso`);
      expect(second.status).toBe(503);
      expect(second.headers.get("retry-after")).toBe("10");
      await first.arrayBuffer();
    } finally {
      delete process.env.ARCHWAY_MAX_CONCURRENT_DOWNLOADS;
      resetEnvForTests();
    }
    expect(await settled()).toBe(0);
  });

  it("shares a bounded read budget between downloads: 1 MiB alone, 64 KiB each for 200", () => {
    expect(chunkSize(1)).toBe(1024 * 1024);
    expect(chunkSize(200)).toBe(64 * 1024);
    expect(chunkSize(5000)).toBe(64 * 1024);
  });
});

describe("API routes answered by the Node server", () => {
  it("passes a POST body to the route: validated, answered as JSON, and a bad body gets problem+json", async () => {
    const ok = await fetch(`${base}/api/things/a`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: 3 }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ name: "a", count: 3 });
    const bad = await fetch(`${base}/api/things/a`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: "three" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect((await bad.json()).errors.count).toBeDefined();
    // Another method on the same path is not taken: Next answers it.
    expect((await fetch(`${base}/api/things/a`, { method: "DELETE" })).status).toBe(418);
  });

  it("gzips a JSON body when the client accepts gzip, with the compressed length, and not when q=0", async () => {
    const raw = (headers: Record<string, string>) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${base}/api/things/x`, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c) => chunks.push(c));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
    const zipped = await raw({ "accept-encoding": "br, gzip;q=0.8" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["content-length"]).toBe(String(zipped.body.length));
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(JSON.parse(gunzipSync(zipped.body).toString())).toEqual(things);
    const refusals: Record<string, string>[] = [
      { "accept-encoding": "gzip;q=0" },
      { "accept-encoding": "identity" },
      {},
    ];
    for (const refused of refusals) {
      const plain = await raw(refused);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(JSON.parse(plain.body.toString())).toEqual(things);
      expect(plain.headers["content-length"]).toBe(String(plain.body.length));
    }
  });

  it("writes a list kept as pieces: exact bytes with their total length, gzipped when asked, headers only for HEAD", async () => {
    const plain = await fetch(`${base}/api/pieces`, { headers: { "accept-encoding": "identity" } });
    const text = await plain.text();
    expect(plain.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(plain.headers.get("x-total-count")).toBe(String(things.length));
    expect(JSON.parse(text)).toEqual(things);
    const zipped = await fetch(`${base}/api/pieces`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(await zipped.json()).toEqual(things); // fetch decodes it: the gzip stream is whole
    // Compressed at once: the length of what is sent is announced.
    const raw = await get(`${base}/api/pieces`, { "accept-encoding": "gzip" });
    expect(raw.headers["content-length"]).toBe(String(raw.body.length));
    expect(JSON.parse(gunzipSync(raw.body).toString())).toEqual(things);
    const head = await fetch(`${base}/api/pieces`, { method: "HEAD", headers: { "accept-encoding": "identity" } });
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(await head.text()).toBe("");
  });

  it("answers a tagged list's If-None-Match with 304, and keeps its gzip until the tag changes", async () => {
    const first = await get(`${base}/api/tagged`, { "accept-encoding": "gzip" });
    const etag = first.headers.etag as string;
    expect(etag).toBe('W/"v1"');
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers["content-length"]).toBe(String(first.body.length)); // small: compressed at once
    expect(JSON.parse(gunzipSync(first.body).toString())).toEqual(things);
    const again = await get(`${base}/api/tagged`, { "accept-encoding": "gzip" });
    expect(again.headers["content-length"]).toBe(String(again.body.length)); // the kept gzip, whole
    expect(again.body.equals(first.body)).toBe(true);
    const revalidated = await get(`${base}/api/tagged`, { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect((await get(`${base}/api/tagged`, { "if-none-match": `"v0", ${etag}` })).status).toBe(304);
    expect((await get(`${base}/api/tagged`, { "if-none-match": '"v1"' })).status).toBe(304); // weak comparison
    // HEAD with the gzip kept: its length, no body.
    const head = await get(`${base}/api/tagged`, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.headers["content-length"]).toBe(String(first.body.length));
    expect(head.body.length).toBe(0);

    tagged.rows = things.slice(0, 100);
    tagged.tag = "v2";
    const changed = await get(`${base}/api/tagged`, { "accept-encoding": "gzip", "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('W/"v2"');
    expect(JSON.parse(gunzipSync(changed.body).toString())).toEqual(things.slice(0, 100));
  });

  it("compresses a list over 4 MiB while sending it (chunked), whole, and keeps that gzip under its tag", async () => {
    const first = await get(`${base}/api/large`, { "accept-encoding": "gzip" });
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers["content-length"]).toBeUndefined();
    expect(first.headers["transfer-encoding"]).toBe("chunked");
    const text = gunzipSync(first.body).toString();
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 1024 * 1024);
    expect(JSON.parse(text)).toEqual(largeRows);
    const again = await get(`${base}/api/large`, { "accept-encoding": "gzip" });
    expect(again.headers["content-length"]).toBe(String(again.body.length));
    expect(again.body.equals(first.body)).toBe(true);
  });

  it("streams events as they are produced, uncompressed, and tells the route when the client leaves", async () => {
    const res = await fetch(`${base}/api/events`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("content-encoding")).toBeNull();
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const next = async () => decoder.decode((await reader.read()).value);
    expect(await next()).toBe("data: first\n\n"); // while the stream is still open
    events.push("second");
    expect(await next()).toBe("data: second\n\n");
    events.end();
    expect((await reader.read()).done).toBe(true);

    const again = await fetch(`${base}/api/events`);
    const r2 = again.body!.getReader();
    await r2.read();
    expect(events.left).toBe(false);
    await r2.cancel();
    for (let i = 0; i < 50 && !events.left; i++) await new Promise((r) => setTimeout(r, 20));
    expect(events.left).toBe(true);
  });
});
