// Which file serves a discovery ISO of (version, arch, image type): the OS image row, its ready base
// image on this machine, and that file's embed areas. Every range request of a download asks, and
// finding out is three database reads and a stat (~1.5 ms, most of a download's time to first byte,
// while a rack booting sends hundreds of ranges a second), so an answer is kept for a second: a
// change made in this process (a fetch starting or landing, the image table loaded) drops it at
// once, another replica's within that second, and a file changed under it is noticed on every use.
import "server-only";
import { statSync } from "node:fs";
import { open } from "node:fs/promises";
import { type Arch, archDisplayName, toAssistedArch } from "@/lib/arch";
import { sourcesGeneration } from "@/lib/base-images/generation";
import type { BaseFiles } from "@/lib/base-images/replicas";
import { baseImageFor, readyBaseImage, startFetch } from "@/lib/base-images/service";
import { osImageRowFor } from "@/lib/catalog/queries";
import type { BaseImage, OsImage } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { type EmbedAreas, locateEmbedAreas } from "@/lib/iso/embed-areas";
import type { ImageType } from "./discovery-iso";

export type IsoSource = {
  row: OsImage;
  base: BaseImage & BaseFiles;
  file: string;
  /** Size and mtime of `file` when its layout was read. */
  fileKey: string;
  layout: EmbedAreas;
};

const KEEP_MS = 1000;

type Kept = { source: IsoSource; generation: number; until: number };
const kept = new Map<string, Kept>();

// A stat of a local file is a few microseconds; through the thread pool it waits a whole turn
// of the event loop (~0.5 ms under load). It is the check that the bytes are still those the
// layout was read from.
function fileKeyOf(file: string): string | null {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

export async function isoSource(version: string, arch: Arch, imageType: ImageType): Promise<IsoSource> {
  const key = `${version}\0${arch}\0${imageType}`;
  const hit = kept.get(key);
  if (
    hit &&
    hit.until > Date.now() &&
    hit.generation === sourcesGeneration() &&
    fileKeyOf(hit.source.file) === hit.source.fileKey
  )
    return hit.source;
  const generation = sourcesGeneration();
  const source = await findSource(version, arch, imageType);
  if (kept.size >= 256) kept.clear();
  kept.set(key, { source, generation, until: Date.now() + KEEP_MS });
  return source;
}

async function findSource(version: string, arch: Arch, imageType: ImageType): Promise<IsoSource> {
  const row = await osImageRowFor(version, arch);
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
  const { key: fileKey, layout } = await layoutOf(file);
  return { row, base, file, fileKey, layout };
}

const layouts = new Map<string, { key: string; layout: EmbedAreas }>();

// Reading the layout is a few sector reads; keep it per file until the file changes.
async function layoutOf(file: string): Promise<{ key: string; layout: EmbedAreas }> {
  const key = fileKeyOf(file);
  const hit = layouts.get(file);
  if (key && hit?.key === key) return hit;
  const fh = await open(file, "r");
  try {
    const layout = await locateEmbedAreas(fh);
    const read = { key: key ?? "", layout };
    layouts.set(file, read);
    return read;
  } finally {
    await fh.close();
  }
}
