// Assembles an infra-env's discovery ISO as a description: the cached base file plus the byte
// ranges that differ (Ignition embed area, karg areas). Streaming it is the ISO route's job.
import "server-only";
import { createHash } from "node:crypto";
import { type Arch, parseArch, toAssistedArch } from "@/lib/arch";
import type { BaseImage, InfraEnv, OsImage } from "@/lib/db";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { discoveryIgnition } from "@/lib/ignition/discovery";
import { EmbedTooLargeError, fitArea, ignitionArchive } from "@/lib/ignition/embed";
import type { EmbedAreas } from "@/lib/iso/embed-areas";
import { composeKargs, type KargOp, KargsTooLongError, kargAreaBytes, UnsafeKargError } from "@/lib/iso/kargs";
import { checkPatches, type Patch, spanOf } from "@/lib/iso/overlay";
import { unseal } from "@/lib/secrets/secrets";
import { newAgentToken } from "./agent-token";
import { recalled, remembered } from "./image-memo";
import { isoSource } from "./iso-source";

export type ImageType = "full-iso" | "minimal-iso";

/** Where hosts booted from a minimal ISO fetch the live rootfs (no secrets in it, no token). */
export function rootfsPath(version: string, arch: Arch) {
  return `/rootfs/${version}/${toAssistedArch(arch)}/rootfs.img`;
}

export type DiscoveryImage = {
  file: string;
  size: number;
  patches: Patch[];
  etag: string;
  lastModified: Date;
  filename: string;
  arch: Arch;
  osImageVersion: string;
  ignition: object;
};

/** The agent's token, made here for an infra-env created before tokens were made with it. */
export async function withSecrets(infraEnv: InfraEnv): Promise<InfraEnv & { agentToken: string }> {
  if (infraEnv.agentToken) return infraEnv as InfraEnv & { agentToken: string };
  await db().infraEnv.updateMany({
    where: { id: infraEnv.id, agentToken: null },
    data: { agentToken: newAgentToken() },
  });
  return (await db().infraEnv.findUniqueOrThrow({ where: { id: infraEnv.id } })) as InfraEnv & { agentToken: string };
}

/**
 * The Ignition config this infra-env's ISO embeds (needs the agent token made first). The one place
 * the stored secrets are opened for a host: the agent token, pull secret and proxy credentials.
 */
export function discoveryConfig(infraEnv: InfraEnv & { agentToken: string }, serviceUrl: string) {
  return discoveryIgnition({
    infraEnvId: infraEnv.id,
    serviceUrl,
    agentToken: unseal(infraEnv.agentToken),
    cpuArchitecture: parseArch(infraEnv.cpuArchitecture) ?? infraEnv.cpuArchitecture,
    openshiftVersion: infraEnv.openshiftVersion ?? "",
    sshAuthorizedKey: infraEnv.sshAuthorizedKey,
    pullSecret: unseal(infraEnv.pullSecret),
    proxy: {
      httpProxy: unseal(infraEnv.httpProxy),
      httpsProxy: unseal(infraEnv.httpsProxy),
      noProxy: infraEnv.noProxy,
    },
    staticNetworkConfig: (infraEnv.staticNetworkConfig as never) ?? [],
    additionalNtpSources: infraEnv.additionalNtpSources,
    ignitionConfigOverride: infraEnv.ignitionConfigOverride,
  });
}

/**
 * The columns a download checks on every range request. The whole row (pull secret, proxies, network
 * config, Ignition override) is read only when its image is not assembled already.
 */
export const INFRA_ENV_HEAD = {
  id: true,
  updatedAt: true,
  agentToken: true,
  cpuArchitecture: true,
  openshiftVersion: true,
  signingKey: true,
} as const;
export type InfraEnvHead = Pick<InfraEnv, keyof typeof INFRA_ENV_HEAD>;

export async function discoveryImage(
  infraEnvIn: InfraEnvHead | InfraEnv,
  imageType: ImageType,
  serviceUrl: string,
): Promise<DiscoveryImage> {
  const head = infraEnvIn.agentToken ? infraEnvIn : await withSecrets(await wholeRow(infraEnvIn));
  const arch = parseArch(head.cpuArchitecture) as Arch;
  const version = head.openshiftVersion ?? "";
  const { row, base, file, fileKey, layout } = await isoSource(version, arch, imageType);
  // Everything the image's bytes and headers depend on.
  const keyOf = (ie: InfraEnvHead) =>
    JSON.stringify([
      ie.id,
      ie.updatedAt.getTime(),
      ie.agentToken,
      imageType,
      serviceUrl,
      file,
      fileKey,
      base.sha256,
      base.fetchedAt?.getTime(),
      row.version,
    ]);
  const hit = recalled<DiscoveryImage>(keyOf(head));
  if (hit) return hit;
  // Read now, the row may be newer than the head: its own key names it.
  const infraEnv = await withSecrets(await wholeRow(head));
  if (parseArch(infraEnv.cpuArchitecture) !== arch || (infraEnv.openshiftVersion ?? "") !== version)
    return discoveryImage(infraEnv, imageType, serviceUrl);
  return remembered(keyOf(infraEnv), () =>
    assemble(infraEnv, base, { imageType, file, layout, serviceUrl, arch, version, row }),
  );
}

async function wholeRow(infraEnv: InfraEnvHead | InfraEnv): Promise<InfraEnv> {
  return "pullSecret" in infraEnv ? infraEnv : db().infraEnv.findUniqueOrThrow({ where: { id: infraEnv.id } });
}

function assemble(
  infraEnv: InfraEnv & { agentToken: string },
  base: BaseImage,
  a: {
    imageType: ImageType;
    file: string;
    layout: EmbedAreas;
    serviceUrl: string;
    arch: Arch;
    version: string;
    row: OsImage;
  },
): DiscoveryImage {
  const { imageType, file, layout, serviceUrl, arch, version, row } = a;
  const minimal = imageType === "minimal-iso";
  const ignition = discoveryConfig(infraEnv, serviceUrl);
  const patches: Patch[] = [];
  try {
    const archive = ignitionArchive(ignition);
    patches.push({
      offset: layout.ignition.offset,
      data: fitArea(archive, layout.ignition.length),
      length: layout.ignition.length,
    });
    if (layout.kargs) {
      const rootfsUrl = minimal ? [`coreos.live.rootfs_url=${serviceUrl}${rootfsPath(version, arch)}`] : [];
      const kargs = composeKargs(
        layout.kargs.defaultKargs,
        (infraEnv.kernelArguments as KargOp[] | null) ?? [],
        rootfsUrl,
      );
      for (const area of layout.kargs.areas) patches.push({ offset: area.offset, data: kargAreaBytes(kargs, area) });
    }
  } catch (err) {
    if (err instanceof EmbedTooLargeError || err instanceof KargsTooLongError || err instanceof UnsafeKargError)
      throw new HttpError(422, err.message);
    throw err;
  }
  const size = Number(minimal ? base.minimalSizeBytes : base.sizeBytes);
  // The template's own digest too: one rebuilt by a new fetch is other bytes under the same base ISO.
  const digest = createHash("sha256")
    .update(base.sha256 ?? "")
    .update(imageType)
    .update(minimal ? (base.minimalSha256 ?? "") : "");
  // Where, how long, and the bytes before the zero padding (the same ETags as when the padding was held).
  for (const p of patches) digest.update(`${p.offset}:${spanOf(p)}:`).update(p.data);
  return {
    file,
    size,
    patches: checkPatches(patches, size),
    etag: `"${digest.digest("hex").slice(0, 32)}"`,
    lastModified: new Date(Math.max(infraEnv.updatedAt.getTime(), base.fetchedAt?.getTime() ?? 0)),
    filename: `discovery_image_${infraEnv.name.replace(/[^\w.-]+/g, "_")}${minimal ? "_minimal" : ""}.iso`,
    arch,
    osImageVersion: row.version,
    ignition,
  };
}
