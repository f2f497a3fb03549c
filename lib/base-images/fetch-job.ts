// The base-image fetch, a job type of the job runner (lib/jobs/runner.ts: its queue, concurrency,
// timeout, cancel and `event: end`): builds the sample source when it is one and missing, downloads
// and verifies the ISO under a temp name, builds the minimal template, publishes the three files when
// the artifact store is shared (replicas.ts), and records the outcome on the base image; a failure records its kind and the source's fingerprint, which decide when start-up
// retries it.
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isArch, parseArch } from "@/lib/arch";
import { releaseBlobs } from "@/lib/artifacts/artifacts";
import { sampleIsoPath } from "@/lib/catalog/default-catalog";
import { displayUrl } from "@/lib/catalog/display-url";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CANCELLED, handedBack, type JobContext, WorkerStopping } from "@/lib/jobs/context";
import { SAMPLE_ARCHES, type SampleArch } from "@/lib/samples/arch-profiles";
import { assertInstalled, MissingPackages, missingCacheTools } from "@/lib/samples/prerequisites";
import { buildSampleIso } from "@/lib/samples/sample-iso";
import { download, SourceUnavailable } from "./download";
import { sourcesChanged } from "./generation";
import { buildMinimalTemplate } from "./minimal";
import { publishBaseFiles } from "./replicas";
import { BaseImageRejected, type Verified, verifyBaseIso } from "./verify";

/** Why an attempt failed; start-up retries each kind under its own condition (heal.ts). */
export type FailureKind = "interrupted" | "prerequisites" | "source" | "content" | "cancelled" | "other";

export function cacheDir(): string {
  return path.join(env().dataDir, "cache", "base-images");
}

/** Where the base ISO of `url` is cached (its minimal template and rootfs sit beside it). */
export function cachePath(url: string): string {
  mkdirSync(cacheDir(), { recursive: true });
  return path.join(cacheDir(), `${createHash("sha256").update(url).digest("hex").slice(0, 24)}.iso`);
}

/**
 * The sample ISOs of the embedded default are built on first use, when missing. The table's url
 * names the data dir of the web process that stored it; a worker elsewhere (another data dir, another
 * machine) builds and reads the same sample in its own, so the row is recognised by its file name.
 */
export function sampleArchOf(url: string): SampleArch | null {
  if (!url.startsWith("file:")) return null;
  const file = fileURLToPath(url);
  if (path.basename(path.dirname(file)) !== "sample") return null;
  return SAMPLE_ARCHES.find((arch) => path.basename(file) === path.basename(sampleIsoPath("", arch))) ?? null;
}

/** Where this process reads a row's source from: its own build of a sample, else the url. */
export function sourceUrlOf(url: string): string {
  const sample = sampleArchOf(url);
  return sample ? pathToFileURL(sampleIsoPath(env().dataDir, sample)).href : url;
}

function failureKind(err: unknown, signal: AbortSignal): FailureKind {
  if (signal.aborted)
    return signal.reason === CANCELLED
      ? "cancelled"
      : signal.reason instanceof WorkerStopping
        ? "interrupted"
        : "other";
  if (err instanceof MissingPackages) return "prerequisites";
  if (err instanceof SourceUnavailable) return "source";
  if (err instanceof BaseImageRejected) return "content";
  return "other";
}

export async function fetchBaseImage(ctx: JobContext): Promise<void> {
  const { log, signal } = ctx;
  const jobId = ctx.job.id;
  const bi = await db().baseImage.findUniqueOrThrow({ where: { id: Number(ctx.job.artifactId) } });
  const parsed = parseArch(bi.cpuArchitecture);
  const arch = parsed !== null && isArch(parsed) ? parsed : null;
  let fingerprint: string | null = null;
  try {
    await ctx.step("fetching_image", `Fetching the ${bi.cpuArchitecture} base ISO`);
    if (!arch) throw new Error(`The row's architecture ${bi.cpuArchitecture} cannot have a live ISO`);
    const sample = sampleArchOf(bi.url);
    const source = sourceUrlOf(bi.url);
    const buildSample = sample !== null && !existsSync(fileURLToPath(source));
    assertInstalled(missingCacheTools(buildSample ? sample : null), `cache the ${arch} base ISO`);
    if (buildSample) {
      void log.line("building", `Building the sample ${sample} live ISO from Debian packages…`);
      await buildSampleIso({
        arch: sample,
        out: fileURLToPath(source),
        log: (l) => void log.line("building", l, "stderr"),
      });
    }
    void log.line("fetching_image", `Fetching ${displayUrl(bi.url)}`);
    let lastPct = -10;
    let verified: Verified | undefined;
    const file = cachePath(bi.url);
    const { size, sha256 } = await download(source, file, {
      signal,
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
    // With a shared store, every replica serves these very files (the template is built only here).
    const published = await publishBaseFiles(
      { iso: file, minimal: minimal?.minimalPath ?? null, rootfs: minimal?.rootfsPath ?? null },
      (l) => void log.line("publishing", l),
      signal,
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
        ...published,
        error: null,
        failureKind: null,
        sourceFingerprint: fingerprint,
        fetchedAt: new Date(),
      },
    });
    sourcesChanged();
    // What an earlier fetch published and this one replaced: replicas read the new keys with their
    // next request and copy those; their old copies, named by content, are swept at their next start.
    await releaseBlobs([bi.storageKey, bi.minimalStorageKey, bi.rootfsStorageKey]);
  } catch (err) {
    // The runner ends the job (its log line, status and `event: end`); the base image keeps why. One
    // handed back to the queue stays "fetching": another worker runs the same job again.
    if (handedBack(ctx.job.jobType, signal)) throw err;
    const reason = signal.aborted ? String(signal.reason) : (err as Error).message;
    await db().baseImage.update({
      where: { id: bi.id },
      data: { status: "failed", error: reason, failureKind: failureKind(err, signal), sourceFingerprint: fingerprint },
    });
    sourcesChanged();
    throw err;
  }
}
