// Download links for discovery ISOs: issuing signed, expiring URLs (with the ISO's size and
// sha256), resolving them back to an image, and revoking them all by rotating the key.
import "server-only";
import { parseArch, toAssistedArch } from "@/lib/arch";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/events/record";
import { notFound } from "@/lib/http/errors";
import { sha256OfPatched } from "@/lib/iso/digest";
import { seal, unseal } from "@/lib/secrets/secrets";
import { type DiscoveryImage, discoveryImage, type ImageType, INFRA_ENV_HEAD } from "./discovery-iso";
import { newSigningKey, readToken, signToken, verifyToken } from "./download-tokens";
import { checkedLink, linksChanged, linksGeneration, rememberLink } from "./link-memo";
import { getInfraEnv } from "./service";

/** The URL signing key (made here for an infra-env created before keys were made with it). */
async function signingKeyOf(infraEnvId: string): Promise<string> {
  const current = await db().infraEnv.findUniqueOrThrow({ where: { id: infraEnvId }, select: { signingKey: true } });
  if (current.signingKey) return unseal(current.signingKey);
  await db().infraEnv.updateMany({
    where: { id: infraEnvId, signingKey: null },
    data: { signingKey: seal(newSigningKey()), signingKeyRotatedAt: new Date() },
  });
  return unseal(
    (await db().infraEnv.findUniqueOrThrow({ where: { id: infraEnvId }, select: { signingKey: true } })).signingKey!,
  );
}

const sha256Of = (image: DiscoveryImage) => sha256OfPatched(image.file, image.size, image.patches);

const hashing = new Map<string, Promise<string | null>>();
let queue: Promise<unknown> = Promise.resolve();

/**
 * The digest covers every byte (seconds for a 1 GiB ISO), so it is computed once per distinct
 * image, in the background, one at a time, and stored; links never wait for it. One already
 * stored for the same image is not computed again.
 */
function digestInBackground(infraEnvId: string, image: DiscoveryImage): Promise<string | null> {
  const key = `${infraEnvId}:${image.etag}`;
  const running = hashing.get(key);
  if (running) return running;
  const job = queue
    .then(async () => {
      const current = await db().infraEnv.findUnique({ where: { id: infraEnvId } });
      if (!current || current.isoEtag === image.etag) return current?.isoSha256 ?? null;
      const sha256 = await sha256Of(image);
      await db().infraEnv.update({
        where: { id: infraEnvId },
        data: {
          isoEtag: image.etag,
          isoSha256: sha256,
          isoSizeBytes: BigInt(image.size),
          isoOsImageVersion: image.osImageVersion,
          isoGeneratedAt: new Date(),
          updatedAt: current.updatedAt,
        },
      });
      return sha256;
    })
    .catch((err) => {
      console.error(`[archway] hashing the discovery ISO of ${infraEnvId} failed:`, err);
      return null;
    })
    .finally(() => hashing.delete(key));
  queue = job;
  hashing.set(key, job);
  return job;
}

/** Resolves once every digest queued so far has ended (a database about to close must outlive them). */
export async function digestsSettled(): Promise<void> {
  await queue;
}

/** Waits for the digest of the infra-env's current image (tests and tools that need it now). */
export function pendingDigest(infraEnvId: string): Promise<string | null> | undefined {
  return [...hashing.entries()].find(([k]) => k.startsWith(`${infraEnvId}:`))?.[1];
}

export function isoPath(token: string, version: string, arch: string, imageType: ImageType) {
  return `/iso/${token}/${version}/${arch}/${imageType === "minimal-iso" ? "minimal" : "full"}.iso`;
}

/** A signed link on `origin` (what browsers use) to the ISO whose hosts call back `serviceUrl`. */
export async function issueImageUrl(
  infraEnvId: string,
  imageTypeIn: ImageType | undefined,
  origin: string,
  serviceUrl = origin,
) {
  const infraEnv = await getInfraEnv(infraEnvId);
  const imageType = imageTypeIn ?? (infraEnv.imageType as ImageType);
  const image = await discoveryImage(infraEnv, imageType, serviceUrl);
  const known = infraEnv.isoEtag === image.etag && infraEnv.isoSha256 ? infraEnv.isoSha256 : null;
  if (!known) void digestInBackground(infraEnv.id, image);
  const expiresAt = new Date(Date.now() + env().ARCHWAY_ISO_URL_TTL_SECONDS * 1000);
  const version = infraEnv.openshiftVersion ?? "";
  const scope = { imageType, version, arch: image.arch };
  const token = signToken({ infraEnvId: infraEnv.id, expiresAt }, scope, await signingKeyOf(infraEnv.id));
  return {
    url: `${origin}${isoPath(token, version, toAssistedArch(image.arch), imageType)}`,
    expires_at: expiresAt.toISOString(),
    image_type: imageType,
    cpu_architecture: toAssistedArch(image.arch),
    os_image_version: image.osImageVersion,
    size_bytes: image.size,
    /** null while it is being computed; ask again shortly. */
    sha256: known,
  };
}

export async function regenerateSigningKey(infraEnvId: string, requestId?: string) {
  const infraEnv = await getInfraEnv(infraEnvId);
  await db().$transaction(async (tx) => {
    await tx.infraEnv.update({
      where: { id: infraEnvId },
      data: { signingKey: seal(newSigningKey()), signingKeyRotatedAt: new Date(), updatedAt: infraEnv.updatedAt },
    });
    await recordEvent(tx, {
      name: "image_signing_key_regenerated",
      message: `Every download link of infra-env ${infraEnv.name} revoked: a new signing key was made.`,
      infraEnvId,
      clusterId: infraEnv.clusterId,
      requestId,
    });
  });
  linksChanged();
}

// Expired, forged, revoked and mismatched links all look the same from outside.
const invalidLink = () =>
  notFound(
    "This download link is not valid: it has expired, was revoked, or never existed. Get a new link from the console.",
  );

export async function resolveDownload(
  token: string,
  version: string,
  arch: string,
  file: string,
  serviceUrl: string,
): Promise<DiscoveryImage> {
  const imageType: ImageType | null = file === "full.iso" ? "full-iso" : file === "minimal.iso" ? "minimal-iso" : null;
  const claims = readToken(token);
  const canonicalArch = parseArch(arch);
  if (!claims || !imageType || !canonicalArch) throw invalidLink();
  const scope = { imageType, version, arch: canonicalArch };
  const key = `${token}/${imageType}/${version}/${canonicalArch}`;
  const known = checkedLink(key);
  if (known) return discoveryImage(known, imageType, serviceUrl);
  const generation = linksGeneration();
  const infraEnv = await db().infraEnv.findUnique({ where: { id: claims.infraEnvId }, select: INFRA_ENV_HEAD });
  if (!infraEnv?.signingKey || !verifyToken(token, scope, unseal(infraEnv.signingKey))) throw invalidLink();
  if (version !== infraEnv.openshiftVersion || canonicalArch !== parseArch(infraEnv.cpuArchitecture))
    throw invalidLink();
  rememberLink(key, { head: infraEnv, expiresAt: claims.expiresAt, generation });
  return discoveryImage(infraEnv, imageType, serviceUrl);
}
