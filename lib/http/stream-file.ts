// Serves a file, a file with byte ranges patched (discovery ISOs) or a stored blob the way download
// tools expect: HEAD, Content-Length, Accept-Ranges, one Range (206/416), ETag/If-None-Match/If-Range,
// Last-Modified, Content-Disposition, and the process-wide cap on concurrent bodies (503 + Retry-After).
// Under scripts/server.mjs the body is written by the Node server itself (lib/http/node-downloads.ts);
// elsewhere (next dev, route tests) it is a pull-based Web stream.
import "server-only";
import { overlayWebStream } from "@/lib/iso/overlay-web";
import { attachmentHeaders } from "./attachment";
import { noneMatch, rangeStillValid } from "./conditional";
import { attachPlan, bodySentByServer, type Source } from "./download-plan";
import { HttpError } from "./errors";
import { downloadLimiter } from "./limiter";
import { parseRange } from "./range";
import { readableWebStream } from "./readable-web";

export type Servable = Source & {
  size: number;
  etag: string;
  lastModified?: Date;
  filename: string;
  contentType: string;
  cacheControl: string;
  /** More headers for this kind of download (e.g. checksums). */
  headers?: Record<string, string>;
};

export function streamFile(req: Request, s: Servable): Response {
  const headers: Record<string, string> = {
    ...attachmentHeaders(s.filename, s.contentType),
    "Accept-Ranges": "bytes",
    ETag: s.etag,
    "Cache-Control": s.cacheControl,
    ...s.headers,
  };
  if (s.lastModified) headers["Last-Modified"] = s.lastModified.toUTCString();
  if (noneMatch(req.headers.get("if-none-match"), s.etag)) return new Response(null, { status: 304, headers });
  const range = rangeStillValid(req.headers.get("if-range"), s.etag)
    ? parseRange(req.headers.get("range"), s.size)
    : null;
  if (range === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${s.size}` } });
  const { start, end } = range ?? { start: 0, end: s.size - 1 };
  headers["Content-Length"] = String(s.size === 0 ? 0 : end - start + 1);
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${s.size}`;
  const status = range ? 206 : 200;
  if (req.method === "HEAD" || s.size === 0) return new Response(null, { status, headers });

  const release = downloadLimiter().tryAcquire();
  if (!release)
    throw new HttpError(503, "Too many downloads at once; try again shortly", undefined, { "Retry-After": "10" });
  if (bodySentByServer(req))
    return attachPlan(new Response(null, { status, headers }), { source: s, start, end, release });
  const body =
    "file" in s
      ? overlayWebStream(s.file, s.patches ?? [], start, end, release)
      : readableWebStream(s.open(start, end), release);
  return new Response(body, { status, headers });
}
