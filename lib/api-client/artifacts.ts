// Browser client for /apis/ims/v3/artifacts/{id}: an image's manifest.json (checked with the
// server's own schema), and each artifact's size and checksums from a HEAD request.
import { artifactIdOf, type Manifest, manifestSchema } from "@/lib/images/manifest";
import { apiRequest } from "./http";

export type { Manifest };
export type ManifestArtifact = Manifest["artifacts"][number];

/** Only this console's artifact paths can be fetched; an s3:// link is someone else's store. */
export function isArtifactPath(path: string): boolean {
  return artifactIdOf(path) !== null;
}

export async function getManifest(path: string): Promise<Manifest> {
  const res = await apiRequest(path);
  let doc: unknown;
  try {
    doc = await res.json();
  } catch {
    throw new Error("The manifest is not JSON");
  }
  const parsed = manifestSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The manifest is not a valid IMS manifest.json (${[...issue.path].join(".") || "document"}: ${issue.message})`,
    );
  }
  return parsed.data;
}

export type ArtifactHead = { size: number | null; md5: string | null; sha256: string | null };

const numberOr = (text: string | null | undefined): number | null => {
  const n = text == null || text === "" ? Number.NaN : Number(text);
  return Number.isFinite(n) ? n : null;
};

/**
 * Size and stored checksums from a HEAD. The server sets Content-Length, but `next start` drops it
 * (it answers chunked), so without one the size is read from a one-byte ranged GET's Content-Range
 * ("bytes 0-0/5"; an empty file's 416 carries the total the same way).
 */
export async function headArtifact(path: string): Promise<ArtifactHead> {
  const res = await apiRequest(path, { method: "HEAD" });
  const head = {
    size: numberOr(res.headers.get("Content-Length")),
    md5: res.headers.get("X-Checksum-Md5"),
    sha256: res.headers.get("X-Checksum-Sha256"),
  };
  if (head.size !== null) return head;
  const ranged = await fetch(path, { headers: { Range: "bytes=0-0" }, cache: "no-store" });
  void ranged.body?.cancel();
  return { ...head, size: numberOr(/\/(\d+)$/.exec(ranged.headers.get("Content-Range") ?? "")?.[1]) };
}
