// The base-image cache: each OS image row's url is fetched once into data/cache by a job (progress
// and log lines), verified, and then reused by every discovery ISO of that version and arch.
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Arch, isArch, parseArch } from "@/lib/arch";
import { sampleIsoPath } from "@/lib/catalog/default-catalog";
import { displayUrl } from "@/lib/catalog/display-url";
import type { BaseImage } from "@/lib/db";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { JobLog } from "@/lib/jobs/job-log";
import { SAMPLE_ARCHES, type SampleArch } from "@/lib/samples/arch-profiles";
import { assertInstalled, MissingPackages, missingCacheTools } from "@/lib/samples/prerequisites";
import { buildSampleIso } from "@/lib/samples/sample-iso";
import { download, SourceUnavailable } from "./download";
import { buildMinimalTemplate } from "./minimal";
import { BaseImageRejected, type Verified, verifyBaseIso } from "./verify";

export const FETCH_JOB = "fetch_base_image";

/** Why an attempt failed; start-up retries each kind under its own condition (heal.ts). */
export type FailureKind = "interrupted" | "prerequisites" | "source" | "content" | "other";
type Flight = { jobId: string; done: Promise<void> };

// One fetch per base image (= per url and cache file) at a time. The map lives on globalThis
// because Next bundles instrumentation and route handlers as separate module instances.
const store = globalThis as unknown as { archwayFetches?: Map<number, Promise<Flight>> };
const flights = (store.archwayFetches ??= new Map());

export function cacheDir(): string {
  return path.join(env().dataDir, "cache", "base-images");
}

/** Where the base ISO of `url` is cached (its minimal template and rootfs sit beside it). */
export function cachePath(url: string): string {
  mkdirSync(cacheDir(), { recursive: true });
  return path.join(cacheDir(), `${createHash("sha256").update(url).digest("hex").slice(0, 24)}.iso`);
}

export async function baseImageFor(url: string, cpuArchitecture: string): Promise<BaseImage> {
  // Rows sharing a url arrive together; when two creates race (PostgreSQL), the loser reads the winner's.
  return db()
    .baseImage.upsert({ where: { url }, create: { url, cpuArchitecture }, update: {} })
    .catch((err: { code?: string }) => {
      if (err?.code !== "P2002") throw err;
      return db().baseImage.findUniqueOrThrow({ where: { url } });
    });
}

/** Every base image, by url (the image table shows each row's cache state). */
export async function baseImagesByUrl(): Promise<Map<string, BaseImage>> {
  return new Map((await db().baseImage.findMany()).map((b) => [b.url, b]));
}

/** A verified cached copy, or null (not fetched yet, failed, or the file went away). */
export async function readyBaseImage(url: string): Promise<BaseImage | null> {
  const bi = await db().baseImage.findUnique({ where: { url } });
  return bi?.status === "ready" && bi.path && existsSync(bi.path) ? bi : null;
}

/** The sample ISOs of the embedded default are built here, on first use, when missing. */
export function sampleArchOf(url: string): SampleArch | null {
  if (!url.startsWith("file:")) return null;
  const file = fileURLToPath(url);
  return SAMPLE_ARCHES.find((arch) => file === sampleIsoPath(env().dataDir, arch)) ?? null;
}

/** Whether a fetch of this base image runs in this process now. */
export function isFetching(baseImageId: number): boolean {
  return flights.has(baseImageId);
}

/**
 * Starts the fetch job of one base image, or joins the one running; resolves with the job id at
 * once. The flight is registered before the first await, so concurrent callers cannot both start.
 */
export function startFetch(baseImageId: number): Promise<Flight> {
  const current = flights.get(baseImageId);
  if (current) return current;
  const flight = beginFetch(baseImageId);
  flights.set(baseImageId, flight);
  const land = () => {
    if (flights.get(baseImageId) === flight) flights.delete(baseImageId);
  };
  flight.then((f) => f.done).then(land, land);
  return flight;
}

async function beginFetch(baseImageId: number): Promise<Flight> {
  const bi = await db().baseImage.findUniqueOrThrow({ where: { id: baseImageId } });
  const arch = parseArch(bi.cpuArchitecture);
  const job = await db().job.create({
    data: {
      jobType: FETCH_JOB,
      artifactId: String(bi.id),
      arch: bi.cpuArchitecture,
      status: "fetching_image",
      startedAt: new Date(),
      progress: 0,
      stepTimes: {},
    },
  });
  await db().baseImage.update({
    where: { id: bi.id },
    data: { status: "fetching", jobId: job.id, error: null, failureKind: null },
  });
  return { jobId: job.id, done: runFetch(bi, job.id, arch !== null && isArch(arch) ? arch : null) };
}

function failureKind(err: unknown): FailureKind {
  if (err instanceof MissingPackages) return "prerequisites";
  if (err instanceof SourceUnavailable) return "source";
  if (err instanceof BaseImageRejected) return "content";
  return "other";
}

async function runFetch(bi: BaseImage, jobId: string, arch: Arch | null): Promise<void> {
  const log = await JobLog.open(jobId);
  let fingerprint: string | null = null;
  try {
    if (!arch) throw new Error(`The row's architecture ${bi.cpuArchitecture} cannot have a live ISO`);
    const sample = sampleArchOf(bi.url);
    const buildSample = sample !== null && !existsSync(fileURLToPath(bi.url));
    assertInstalled(missingCacheTools(buildSample ? sample : null), `cache the ${arch} base ISO`);
    if (buildSample) {
      void log.line("building", `Building the sample ${sample} live ISO from Debian packages…`);
      await buildSampleIso({
        arch: sample,
        out: fileURLToPath(bi.url),
        log: (l) => void log.line("building", l, "stderr"),
      });
    }
    void log.line("fetching_image", `Fetching ${displayUrl(bi.url)}`);
    let lastPct = -10;
    let verified: Verified | undefined;
    const file = cachePath(bi.url);
    const { size, sha256 } = await download(bi.url, file, {
      onSource: (f) => (fingerprint = f),
      onProgress: (bytes, total) => {
        const pct = total ? Math.floor((bytes / total) * 100) : null;
        if (pct !== null && pct >= lastPct + 10) {
          lastPct = pct;
          void log.line(
            "fetching_image",
            `${(bytes / 1048576).toFixed(1)} MiB of ${(total! / 1048576).toFixed(1)} MiB (${pct}%)`,
          );
          void db()
            .job.update({ where: { id: jobId }, data: { progress: pct } })
            .catch(() => {});
        }
      },
      // Verified under its temp name: a rejected ISO never takes the cached file's place.
      check: async (tmp) => {
        void log.line("verifying", `Fetched into ${path.basename(tmp)}; verifying…`);
        verified = await verifyBaseIso(tmp, arch);
      },
    });
    const v = verified!;
    void log.line(
      "verifying",
      `${size} bytes, sha256 ${sha256}; ISO 9660 volume; Ignition area ${v.embed.ignition.length} bytes (${v.embed.ignition.source}); kernel /${v.kernelPath} is ${v.detectedArch}`,
    );
    const minimal = await buildMinimalTemplate(
      file,
      { minimal: file.replace(/\.iso$/, ".minimal.iso"), rootfs: file.replace(/\.iso$/, ".rootfs.img") },
      (l) => void log.line("minimal_iso", l),
    );
    await db().baseImage.update({
      where: { id: bi.id },
      data: {
        status: "ready",
        path: file,
        sizeBytes: BigInt(size),
        sha256,
        detectedArch: v.detectedArch,
        minimalPath: minimal?.minimalPath ?? null,
        minimalSizeBytes: minimal ? BigInt(minimal.minimalSize) : null,
        rootfsPath: minimal?.rootfsPath ?? null,
        error: null,
        failureKind: null,
        sourceFingerprint: fingerprint,
        fetchedAt: new Date(),
      },
    });
    await log.flush();
    await db().job.update({ where: { id: jobId }, data: { status: "success", progress: 100, finishedAt: new Date() } });
  } catch (err) {
    const reason = (err as Error).message;
    void log.line("error", reason, "stderr");
    await log.flush();
    await db().baseImage.update({
      where: { id: bi.id },
      data: { status: "failed", error: reason, failureKind: failureKind(err), sourceFingerprint: fingerprint },
    });
    await db().job.update({
      where: { id: jobId },
      data: { status: "error", failureReason: reason, finishedAt: new Date() },
    });
  }
}
