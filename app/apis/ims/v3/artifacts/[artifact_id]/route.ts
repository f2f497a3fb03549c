// GET/HEAD /apis/ims/v3/artifacts/{artifact_id} – download a stored artifact (Range supported)
import { Readable } from "node:stream";
import { getArtifact, openArtifact } from "@/lib/artifacts/artifacts";
import { attachmentHeaders } from "@/lib/http/attachment";
import { idParam } from "@/lib/http/params";
import { parseRange } from "@/lib/http/range";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const serve = route({ access: "viewer", params: idParam("artifact_id") }, async ({ req, params }) => {
  const row = await getArtifact(params.artifact_id);
  const size = Number(row.sizeBytes);
  const headers: Record<string, string> = {
    // Uploaded content is never a page of this origin (a text/html or SVG artifact would be stored XSS).
    ...attachmentHeaders(row.id, row.contentType),
    "Accept-Ranges": "bytes",
    ETag: `"${row.sha256}"`,
    "X-Checksum-Sha256": row.sha256,
    "X-Checksum-Md5": row.md5,
  };
  const range = parseRange(req.headers.get("range"), size);
  if (range === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers["Content-Length"] = String(size === 0 ? 0 : end - start + 1);
  headers["X-Archway-Content-Length"] = headers["Content-Length"]; // see scripts/server.mjs
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${size}`;
  if (req.method === "HEAD" || size === 0) return new Response(null, { status: range ? 206 : 200, headers });
  const { stream } = await openArtifact(row.id, { start, end });
  return new Response(Readable.toWeb(stream) as ReadableStream, { status: range ? 206 : 200, headers });
});

export const GET = serve;
export const HEAD = serve;
