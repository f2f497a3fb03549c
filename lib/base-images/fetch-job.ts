// The base-image fetch job: builds the sample source when it is one and missing, downloads and
// verifies the ISO under a temp name, builds the minimal template, and records the outcome; a
// failure records its kind and the source's fingerprint, which decide when start-up retries it.
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Arch } from "@/lib/arch";
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

/** Why an attempt failed; start-up retries each kind under its own condition (heal.ts). */
export type FailureKind = "interrupted" | "prerequisites" | "source" | "content" | "other";

export function cacheDir(): string {
  return path.join(env().dataDir, "cache", "base-images");
}

/** Where the base ISO of `url` is cached (its minimal template and rootfs sit beside it). */
export function cachePath(url: string): string {
  mkdirSync(cacheDir(), { recursive: true });
  return path.join(cacheDir(), `${createHash("sha256").update(url).digest("hex").slice(0, 24)}.iso`);
}

/** The sample ISOs of the embedded default are built here, on first use, when missing. */
export function sampleArchOf(url: string): SampleArch | null {
  if (!url.startsWith("file:")) return null;
  const file = fileURLToPath(url);
  return SAMPLE_ARCHES.find((arch) => file === sampleIsoPath(env().dataDir, arch)) ?? null;
}

function failureKind(err: unknown): FailureKind {
  if (err instanceof MissingPackages) return "prerequisites";
  if (err instanceof SourceUnavailable) return "source";
  if (err instanceof BaseImageRejected) return "content";
  return "other";
}

export async function runFetch(bi: BaseImage, jobId: string, arch: Arch | null): Promise<void> {
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
