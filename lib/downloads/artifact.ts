// GET/HEAD /apis/ims/v3/artifacts/{artifact_id} – a stored artifact (Range, HEAD, ETag).
import "server-only";
import { artifactSource } from "@/lib/artifacts/artifacts";
import { idParam } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { streamFile } from "@/lib/http/stream-file";

export const serveArtifact = route({ access: "viewer", params: idParam("artifact_id") }, async ({ req, params }) => {
  const { artifact, open } = await artifactSource(params.artifact_id);
  return streamFile(req, {
    open,
    size: Number(artifact.sizeBytes),
    etag: `"${artifact.sha256}"`,
    lastModified: artifact.createdAt,
    filename: artifact.id,
    contentType: artifact.contentType,
    // Immutable content under its id, but readable only by those who may see it.
    cacheControl: "private, max-age=31536000, immutable",
    headers: { "X-Checksum-Sha256": artifact.sha256, "X-Checksum-Md5": artifact.md5 },
  });
});
