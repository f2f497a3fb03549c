// Assembles an infra-env's discovery ISO as a description: the cached base file plus the byte
// ranges that differ (Ignition embed area, karg areas). Streaming it is the ISO route's job.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { open, stat } from "node:fs/promises";
import { type Arch, archDisplayName, parseArch, toAssistedArch } from "@/lib/arch";
import { baseImageFor, readyBaseImage, startFetch } from "@/lib/base-images/service";
import { readImageTable } from "@/lib/catalog/queries";
import { resolveRow } from "@/lib/catalog/resolve";
import type { BaseImage, InfraEnv, OsImage } from "@/lib/db";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { discoveryIgnition } from "@/lib/ignition/discovery";
import { EmbedTooLargeError, fillArea, ignitionArchive } from "@/lib/ignition/embed";
import { type EmbedAreas, locateEmbedAreas } from "@/lib/iso/embed-areas";
import { composeKargs, type KargOp, KargsTooLongError, kargAreaBytes, UnsafeKargError } from "@/lib/iso/kargs";
import { checkPatches, type Patch } from "@/lib/iso/overlay";
import { seal, unseal } from "@/lib/secrets/secrets";
import { remembered } from "./image-memo";

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

const layouts = new Map<string, { key: string; layout: EmbedAreas }>();

// Reading the layout is a few sector reads; keep it per file until the file changes.
async function layoutOf(file: string): Promise<{ key: string; layout: EmbedAreas }> {
  const st = await stat(file);
  const key = `${st.size}:${st.mtimeMs}`;
  const hit = layouts.get(file);
  if (hit?.key === key) return hit;
  const fh = await open(file, "r");
  try {
    const layout = await locateEmbedAreas(fh);
    layouts.set(file, { key, layout });
    return { key, layout };
  } finally {
    await fh.close();
  }
}

/** Secrets made on first use: the agent's token and the URL signing key. */
export async function withSecrets(infraEnv: InfraEnv): Promise<InfraEnv & { agentToken: string }> {
  if (infraEnv.agentToken) return infraEnv as InfraEnv & { agentToken: string };
  const agentToken = seal(randomBytes(24).toString("base64url"));
  await db().infraEnv.updateMany({ where: { id: infraEnv.id, agentToken: null }, data: { agentToken } });
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

export async function discoveryImage(
  infraEnvIn: InfraEnv,
  imageType: ImageType,
  serviceUrl: string,
): Promise<DiscoveryImage> {
  const infraEnv = await withSecrets(infraEnvIn);
  const arch = parseArch(infraEnv.cpuArchitecture) as Arch;
  const version = infraEnv.openshiftVersion ?? "";
  const row = resolveRow((await readImageTable()).osImages, version, arch);
  if (!row)
    throw new HttpError(409, `No OS image for ${toAssistedArch(arch)} at OpenShift ${version} in the image table`);

  const base = await readyBaseImage(row.url);
  if (!base) {
    const bi = await baseImageFor(row.url, row.cpuArchitecture);
    // An interrupted fetch (the server stopped) is no verdict on the image: it is simply fetched again.
    if (bi.status === "failed" && bi.failureKind !== "interrupted")
      throw new HttpError(
        409,
        `The ${archDisplayName(arch)} base ISO for ${version} could not be used: ${bi.error}. Re-fetch it on the OS images page.`,
      );
    const { jobId } = await startFetch(bi.id);
    throw new HttpError(
      503,
      `The ${archDisplayName(arch)} base ISO for ${version} is being fetched (job ${jobId}); try again in a few seconds`,
      undefined,
      { "Retry-After": "5" },
    );
  }

  // One cached file can back rows of several architectures (the cache is keyed by url); the
  // kernel found inside decides which of them it can serve.
  if (base.detectedArch !== arch) {
    throw new HttpError(
      409,
      `The base ISO for ${toAssistedArch(arch)} at ${version} (${row.url}) holds a ${base.detectedArch} kernel; fix that OS image row`,
    );
  }
  const minimal = imageType === "minimal-iso";
  if (minimal && !base.minimalPath)
    throw new HttpError(
      409,
      `The ${archDisplayName(arch)} base ISO for ${version} has no live rootfs to leave out, so it has no minimal ISO; use image_type full-iso`,
    );
  const file = minimal ? base.minimalPath! : base.path!;
  const { key: layoutKey, layout } = await layoutOf(file);
  const memoKey = JSON.stringify([
    infraEnv.id,
    infraEnv.updatedAt.getTime(),
    infraEnv.agentToken,
    imageType,
    serviceUrl,
    file,
    layoutKey,
    base.sha256,
    base.fetchedAt?.getTime(),
    row.version,
  ]);
  return remembered(memoKey, () =>
    assemble(infraEnv, base, { imageType, file, layout, serviceUrl, arch, version, row }),
  );
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
    patches.push({ offset: layout.ignition.offset, data: fillArea(ignitionArchive(ignition), layout.ignition.length) });
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
  for (const p of patches) digest.update(String(p.offset)).update(p.data);
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
