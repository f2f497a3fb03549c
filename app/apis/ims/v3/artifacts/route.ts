// POST /apis/ims/v3/artifacts – store an uploaded file (raw body) and answer its link and checksums
import { saveArtifact } from "@/lib/artifacts/artifacts";
import { rawBody } from "@/lib/http/raw-body";
import { json, route } from "@/lib/http/route";
import { artifactLinkPath } from "@/lib/images/manifest";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const MAX_UPLOAD = 8 * 1024 ** 3;

export const POST = route({ access: "operator" }, async ({ req }) => {
  const contentType = req.headers.get("content-type")?.split(";")[0].trim() || "application/octet-stream";
  const a = await saveArtifact(rawBody(req), { contentType, maxBytes: MAX_UPLOAD, signal: req.signal });
  return json(
    {
      id: a.id,
      link: { path: artifactLinkPath(a.id), etag: a.md5, type: "archway" },
      size: Number(a.sizeBytes),
      md5: a.md5,
      sha256: a.sha256,
      content_type: a.contentType,
    },
    201,
  );
});
