// GET/HEAD /iso/{token}/{version}/{arch}/{full|minimal}.iso – the discovery ISO, streamed from the
// cached base file with the infra-env's config patched in (Range, ETag, no per-request copy).
import { Readable } from "node:stream";
import { z } from "zod";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/errors";
import { Limiter } from "@/lib/http/limiter";
import { publicOrigin } from "@/lib/http/origin";
import { parseRange } from "@/lib/http/range";
import { route } from "@/lib/http/route";
import { resolveDownload } from "@/lib/infra-envs/downloads";
import { overlayStream } from "@/lib/iso/overlay";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const params = z.object({ token: z.string(), version: z.string(), arch: z.string(), file: z.string() });
const downloads = new Limiter(() => env().ARCHWAY_MAX_CONCURRENT_DOWNLOADS);

async function serve(req: Request, p: z.output<typeof params>, withBody: boolean): Promise<Response> {
  const image = await resolveDownload(p.token, p.version, p.arch, p.file, publicOrigin(req));
  const headers: Record<string, string> = {
    "Content-Type": "application/x-iso9660-image",
    "Accept-Ranges": "bytes",
    ETag: image.etag,
    "Last-Modified": image.lastModified.toUTCString(),
    "Content-Disposition": `attachment; filename="${image.filename}"`,
    // It carries credentials (agent token, pull secret): no shared caches.
    "Cache-Control": "private, no-store",
  };
  if (req.headers.get("if-none-match") === image.etag) return new Response(null, { status: 304, headers });
  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== image.etag ? null : parseRange(req.headers.get("range"), image.size);
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${image.size}` } });
  }
  const { start, end } = range ?? { start: 0, end: image.size - 1 };
  headers["Content-Length"] = String(end - start + 1);
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${image.size}`;
  const status = range ? 206 : 200;
  if (!withBody) return new Response(null, { status, headers });

  const release = downloads.tryAcquire();
  if (!release) throw new HttpError(503, `Too many downloads at once (${env().ARCHWAY_MAX_CONCURRENT_DOWNLOADS}); try again shortly`, undefined, { "Retry-After": "10" });
  const stream = overlayStream(image.file, image.patches, start, end);
  stream.once("close", release);
  return new Response(Readable.toWeb(stream) as ReadableStream, { status, headers });
}

export const GET = route({ params }, async ({ req, params }) => serve(req, params, true));
export const HEAD = route({ params }, async ({ req, params }) => serve(req, params, false));
