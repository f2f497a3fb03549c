// Stored artifacts: a blob in the artifact store plus its Artifact row. Identical content is stored
// once and shares one row; the blob goes when its last row does.
import "server-only";
import path from "node:path";
import type { Readable } from "node:stream";
import type { Artifact } from "@/lib/db";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/http/errors";
import { withKeyLock } from "./key-lock";
import { LocalArtifactStore } from "./local-store";
import type { ArtifactStore, BlobRange } from "./store";

let configured: { root: string; store: ArtifactStore } | undefined;

/** The configured store: the local one under <dataDir>/artifacts (an S3 one can be chosen here later). */
export function store(): ArtifactStore {
  const root = path.join(env().dataDir, "artifacts");
  if (configured?.root !== root) {
    const local = new LocalArtifactStore(root);
    void local.removeStaleTemps().catch(() => undefined);
    configured = { root, store: local };
  }
  return configured.store;
}

export async function saveArtifact(
  stream: Readable,
  opts: { contentType: string; maxBytes?: number; signal?: AbortSignal },
): Promise<Artifact> {
  const blob = await store().put(stream, opts);
  return withKeyLock(blob.key, async () => {
    const existing = await db().artifact.findUnique({ where: { storageKey: blob.key } });
    if (existing) return existing;
    // Our put may have found the blob already there and dropped its copy, and a delete of the row
    // that owned it may have removed it since.
    if (!(await store().stat(blob.key)))
      throw new Error(`Artifact ${blob.key} was removed while it was being saved; try again`);
    const data = {
      storageKey: blob.key,
      contentType: opts.contentType,
      sizeBytes: BigInt(blob.size),
      sha256: blob.sha256,
      md5: blob.md5,
    };
    return db()
      .artifact.create({ data })
      .catch(async (err: { code?: string }) => {
        if (err?.code !== "P2002") throw err;
        return db().artifact.findUniqueOrThrow({ where: { storageKey: blob.key } });
      });
  });
}

export async function getArtifact(id: string): Promise<Artifact> {
  const artifact = await db().artifact.findUnique({ where: { id } });
  if (!artifact) throw notFound(`Artifact ${id} not found`);
  return artifact;
}

export async function openArtifact(id: string, range?: BlobRange): Promise<{ artifact: Artifact; stream: Readable }> {
  const artifact = await db().artifact.findUnique({ where: { id } });
  if (!artifact) throw notFound(`Artifact ${id} not found`);
  // Checked up front so a lost blob is a clear server error, not a stream failing mid-response.
  if (!(await store().stat(artifact.storageKey)))
    throw new Error(`Artifact ${id} has no stored content (${artifact.storageKey})`);
  return { artifact, stream: store().get(artifact.storageKey, range) };
}

/** The artifact and a way to read any range of it, checked up front like openArtifact. */
export async function artifactSource(
  id: string,
): Promise<{ artifact: Artifact; open: (start: number, end: number) => Readable }> {
  const { artifact, stream } = await openArtifact(id, { start: 0, end: 0 });
  stream.destroy();
  return { artifact, open: (start, end) => store().get(artifact.storageKey, { start, end }) };
}

export async function deleteArtifact(id: string): Promise<void> {
  const artifact = await db().artifact.findUnique({ where: { id } });
  if (!artifact) throw notFound(`Artifact ${id} not found`);
  await withKeyLock(artifact.storageKey, async () => {
    await db().artifact.deleteMany({ where: { id } });
    const others = await db().artifact.count({ where: { storageKey: artifact.storageKey } });
    if (others === 0) await store().delete(artifact.storageKey);
  });
}
