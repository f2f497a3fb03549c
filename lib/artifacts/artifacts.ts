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
import { S3ArtifactStore } from "./s3-store";
import type { ArtifactStore, BlobRange } from "./store";
import { parseStoreLocation, type StoreLocation } from "./store-location";

let configured: { config: string; store: ArtifactStore } | undefined;

/** The store ARCHWAY_ARTIFACT_STORE names: local files (default <dataDir>/artifacts) or an S3 bucket. */
export function store(): ArtifactStore {
  const e = env();
  const location = parseStoreLocation(e.ARCHWAY_ARTIFACT_STORE);
  if ("error" in location) throw new Error(`ARCHWAY_ARTIFACT_STORE: ${location.error}`); // env() refuses it first
  const config = JSON.stringify([location, e.dataDir, e.AWS_ENDPOINT_URL, e.AWS_REGION, e.AWS_ACCESS_KEY_ID]);
  if (configured?.config !== config) configured = { config, store: makeStore(location) };
  return configured.store;
}

function makeStore(location: StoreLocation): ArtifactStore {
  const e = env();
  if (location.kind === "file") return new LocalArtifactStore(location.dir ?? path.join(e.dataDir, "artifacts"));
  return new S3ArtifactStore({
    bucket: location.bucket,
    prefix: location.prefix,
    endpoint: e.AWS_ENDPOINT_URL,
    region: e.AWS_REGION ?? "us-east-1",
    forcePathStyle: e.ARCHWAY_S3_FORCE_PATH_STYLE === "1",
    credentials:
      e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY }
        : undefined,
  });
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

/** The row, checked up front to have its blob, so a lost blob is a clear server error, not a stream failing mid-response. */
async function storedArtifact(id: string): Promise<Artifact> {
  const artifact = await getArtifact(id);
  if (!(await store().stat(artifact.storageKey)))
    throw new Error(`Artifact ${id} has no stored content (${artifact.storageKey})`);
  return artifact;
}

export async function openArtifact(id: string, range?: BlobRange): Promise<{ artifact: Artifact; stream: Readable }> {
  const artifact = await storedArtifact(id);
  return { artifact, stream: store().get(artifact.storageKey, range) };
}

/** The artifact and a way to read any range of it (what a download serves), checked like openArtifact. */
export async function artifactSource(
  id: string,
): Promise<{ artifact: Artifact; open: (start: number, end: number) => Readable }> {
  const artifact = await storedArtifact(id);
  const blobs = store();
  return { artifact, open: (start, end) => blobs.get(artifact.storageKey, { start, end }) };
}

export async function deleteArtifact(id: string): Promise<void> {
  const artifact = await db().artifact.findUnique({ where: { id } });
  if (!artifact) throw notFound(`Artifact ${id} not found`);
  await withKeyLock(artifact.storageKey, async () => {
    await db().artifact.deleteMany({ where: { id } });
    await deleteIfUnreferenced(artifact.storageKey);
  });
}

/** Removes a blob that no artifact row and no published base image uses any more (call under its key lock). */
async function deleteIfUnreferenced(key: string): Promise<void> {
  const artifacts = await db().artifact.count({ where: { storageKey: key } });
  // Base ISOs published to a shared store live in the same content-addressed keys.
  const baseImages = await db().baseImage.count({
    where: { OR: [{ storageKey: key }, { minimalStorageKey: key }, { rootfsStorageKey: key }] },
  });
  if (artifacts === 0 && baseImages === 0) await store().delete(key);
}

/** Drops blobs a base image no longer records (a new fetch published other bytes), unless something else uses them. */
export async function releaseBlobs(keys: (string | null)[]): Promise<void> {
  for (const key of new Set(keys.filter((k) => k !== null)))
    await withKeyLock(key, () => deleteIfUnreferenced(key)).catch((err) =>
      console.error(`[archway] removing the unused blob ${key} failed:`, err),
    );
}
