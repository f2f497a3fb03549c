// Download links for discovery ISOs: issuing signed, expiring URLs (with the ISO's size and
// sha256), resolving them back to an image, and revoking them all by rotating the key.
import "server-only";
import { createHash } from "node:crypto";
import { parseArch, toAssistedArch } from "@/lib/arch";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/events/record";
import { notFound } from "@/lib/http/errors";
import { overlayStream } from "@/lib/iso/overlay";
import { discoveryImage, type DiscoveryImage, type ImageType } from "./discovery-iso";
import { newSigningKey, readToken, signToken, verifyToken } from "./download-tokens";
import { getInfraEnv } from "./service";

async function signingKeyOf(infraEnvId: string): Promise<string> {
  const current = await db().infraEnv.findUniqueOrThrow({ where: { id: infraEnvId }, select: { signingKey: true } });
  if (current.signingKey) return current.signingKey;
  await db().infraEnv.updateMany({ where: { id: infraEnvId, signingKey: null }, data: { signingKey: newSigningKey(), signingKeyRotatedAt: new Date() } });
  return (await db().infraEnv.findUniqueOrThrow({ where: { id: infraEnvId }, select: { signingKey: true } })).signingKey!;
}

async function sha256Of(image: DiscoveryImage): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of overlayStream(image.file, image.patches, 0, image.size - 1)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export function isoPath(token: string, version: string, arch: string, imageType: ImageType) {
  return `/iso/${token}/${version}/${arch}/${imageType === "minimal-iso" ? "minimal" : "full"}.iso`;
}

export async function issueImageUrl(infraEnvId: string, imageTypeIn: ImageType | undefined, origin: string) {
  const infraEnv = await getInfraEnv(infraEnvId);
  const imageType = imageTypeIn ?? (infraEnv.imageType as ImageType);
  const image = await discoveryImage(infraEnv, imageType, origin);
  // The digest covers every byte, so compute it once per distinct image (its ETag).
  let { isoSha256: sha256 } = infraEnv;
  if (infraEnv.isoEtag !== image.etag || !sha256) {
    sha256 = await sha256Of(image);
    await db().infraEnv.update({
      where: { id: infraEnv.id },
      data: { isoEtag: image.etag, isoSha256: sha256, isoSizeBytes: BigInt(image.size), isoOsImageVersion: image.osImageVersion, isoGeneratedAt: new Date(), updatedAt: infraEnv.updatedAt },
    });
  }
  const expiresAt = new Date(Date.now() + env().ARCHWAY_ISO_URL_TTL_SECONDS * 1000);
  const token = signToken({ infraEnvId: infraEnv.id, expiresAt }, await signingKeyOf(infraEnv.id));
  return {
    url: `${origin}${isoPath(token, infraEnv.openshiftVersion ?? "", toAssistedArch(image.arch), imageType)}`,
    expires_at: expiresAt.toISOString(),
    image_type: imageType,
    cpu_architecture: toAssistedArch(image.arch),
    os_image_version: image.osImageVersion,
    size_bytes: image.size,
    sha256,
  };
}

export async function regenerateSigningKey(infraEnvId: string, requestId?: string) {
  const infraEnv = await getInfraEnv(infraEnvId);
  await db().$transaction(async (tx) => {
    await tx.infraEnv.update({ where: { id: infraEnvId }, data: { signingKey: newSigningKey(), signingKeyRotatedAt: new Date(), updatedAt: infraEnv.updatedAt } });
    await recordEvent(tx, { name: "image_signing_key_regenerated", message: `Revoked every download link of infra-env ${infraEnv.name} (new signing key)`, infraEnvId, clusterId: infraEnv.clusterId, requestId });
  });
}

// Expired, forged, revoked and mismatched links all look the same from outside.
const invalidLink = () => notFound("This download link is not valid: it has expired, was revoked, or never existed. Get a new link from the console.");

export async function resolveDownload(token: string, version: string, arch: string, file: string, origin: string): Promise<DiscoveryImage> {
  const imageType: ImageType | null = file === "full.iso" ? "full-iso" : file === "minimal.iso" ? "minimal-iso" : null;
  const claims = readToken(token);
  if (!claims || !imageType) throw invalidLink();
  const infraEnv = await db().infraEnv.findUnique({ where: { id: claims.infraEnvId } });
  if (!infraEnv?.signingKey || !verifyToken(token, infraEnv.signingKey)) throw invalidLink();
  if (version !== infraEnv.openshiftVersion || parseArch(arch) !== parseArch(infraEnv.cpuArchitecture)) throw invalidLink();
  return discoveryImage(infraEnv, imageType, origin);
}
