// Serves a file (optionally with byte ranges patched) the way download tools expect: HEAD,
// Content-Length, Accept-Ranges, one Range (206/416), ETag/If-None-Match/If-Range,
// Last-Modified, Content-Disposition, and a cap on concurrent bodies (503 + Retry-After).
import "server-only";
import type { Patch } from "@/lib/iso/overlay";
import { overlayWebStream } from "@/lib/iso/overlay-web";
import { attachmentHeaders } from "./attachment";
import { HttpError } from "./errors";
import type { Limiter } from "./limiter";
import { parseRange } from "./range";

export type Servable = {
  file: string;
  size: number;
  patches: Patch[];
  etag: string;
  lastModified: Date;
  filename: string;
  contentType: string;
  cacheControl: string;
};

export function streamFile(req: Request, s: Servable, limiter: Limiter): Response {
  const headers: Record<string, string> = {
    ...attachmentHeaders(s.filename, s.contentType),
    "Accept-Ranges": "bytes",
    ETag: s.etag,
    "Last-Modified": s.lastModified.toUTCString(),
    "Cache-Control": s.cacheControl,
  };
  if (req.headers.get("if-none-match") === s.etag) return new Response(null, { status: 304, headers });
  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== s.etag ? null : parseRange(req.headers.get("range"), s.size);
  if (range === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${s.size}` } });
  const { start, end } = range ?? { start: 0, end: s.size - 1 };
  headers["Content-Length"] = String(end - start + 1);
  // Next drops Content-Length from handler responses; scripts/server.mjs restores it from this.
  headers["X-Archway-Content-Length"] = headers["Content-Length"];
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${s.size}`;
  const status = range ? 206 : 200;
  if (req.method === "HEAD" || s.size === 0) return new Response(null, { status, headers });

  const release = limiter.tryAcquire();
  if (!release)
    throw new HttpError(503, "Too many downloads at once; try again shortly", undefined, { "Retry-After": "10" });
  return new Response(overlayWebStream(s.file, s.patches, start, end, release), { status, headers });
}
