// Linking an image to its manifest (the import step): the manifest must be a stored artifact that
// parses as IMS manifest.json and lists stored artifacts whose checksums match.
import "server-only";
import { openArtifact } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { fieldErrorsOf } from "@/lib/http/zod-errors";
import type { Link } from "@/lib/ims/common";
import { artifactIdOf, manifestSchema, roleOf } from "./manifest";

async function readText(id: string, max = 1024 * 1024): Promise<string> {
  const { artifact, stream } = await openArtifact(id);
  if (artifact.sizeBytes > BigInt(max))
    throw new HttpError(422, `The manifest is ${artifact.sizeBytes} bytes; at most ${max}`);
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/** Rows for ImageArtifact (manifest + listed artifacts); throws 422 with the reason otherwise. */
export async function manifestArtifacts(link: Link): Promise<{ artifactId: string; role: string }[]> {
  if (link.type !== "archway") return []; // an external store (s3) is taken on trust, as IMS does
  const manifestId = artifactIdOf(link.path);
  if (!manifestId)
    throw new HttpError(
      422,
      `link.path ${link.path} is not an artifact of this console (/apis/ims/v3/artifacts/{id})`,
      { "link.path": ["Not an artifact path"] },
    );
  let doc: unknown;
  try {
    doc = JSON.parse(await readText(manifestId));
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(422, `The manifest is not JSON: ${(err as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(doc);
  if (!parsed.success)
    throw new HttpError(422, "The manifest is not a valid IMS manifest.json", fieldErrorsOf(parsed.error, "manifest"));
  const rows = [{ artifactId: manifestId, role: "manifest" }];
  for (const [i, a] of parsed.data.artifacts.entries()) {
    const id = artifactIdOf(a.link.path);
    const stored = id ? await db().artifact.findUnique({ where: { id } }) : null;
    if (!stored)
      throw new HttpError(422, `manifest.artifacts[${i}] points at ${a.link.path}, which is not a stored artifact`);
    if (stored.md5 !== a.md5 || (a.sha256 && stored.sha256 !== a.sha256))
      throw new HttpError(422, `manifest.artifacts[${i}] checksums do not match the stored artifact ${id}`);
    rows.push({ artifactId: stored.id, role: roleOf(a.type) ?? "other" });
  }
  return rows;
}
