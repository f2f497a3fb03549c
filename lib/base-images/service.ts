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
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { BaseImage } from "@/lib/generated/sqlite/client";
import { JobLog } from "@/lib/jobs/job-log";
import { SAMPLE_ARCHES, type SampleArch } from "@/lib/os-images/arch-profiles";
import { buildSampleIso } from "@/lib/os-images/sample-iso";
import { download } from "./download";
import { buildMinimalTemplate } from "./minimal";
import { verifyBaseIso } from "./verify";

export const FETCH_JOB = "fetch_base_image";
const running = new Map<number, Promise<void>>();

function cachePath(url: string): string {
  const dir = path.join(env().dataDir, "cache", "base-images");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${createHash("sha256").update(url).digest("hex").slice(0, 24)}.iso`);
}

export async function baseImageFor(url: string, cpuArchitecture: string): Promise<BaseImage> {
  return db().baseImage.upsert({ where: { url }, create: { url, cpuArchitecture }, update: {} });
}

/** A verified cached copy, or null (not fetched yet, failed, or the file went away). */
export async function readyBaseImage(url: string): Promise<BaseImage | null> {
  const bi = await db().baseImage.findUnique({ where: { url } });
  return bi?.status === "ready" && bi.path && existsSync(bi.path) ? bi : null;
}

/** The sample ISOs of the embedded default are built here, on first use, when missing. */
function sampleArchOf(url: string): SampleArch | null {
  if (!url.startsWith("file:")) return null;
  const file = fileURLToPath(url);
  return SAMPLE_ARCHES.find((arch) => file === sampleIsoPath(env().dataDir, arch)) ?? null;
}

/** Starts (or joins) the fetch job of one base image; resolves with the job id at once. */
export async function startFetch(baseImageId: number): Promise<{ jobId: string; done: Promise<void> }> {
  const bi = await db().baseImage.findUniqueOrThrow({ where: { id: baseImageId } });
  const current = running.get(bi.id);
  if (current && bi.jobId) return { jobId: bi.jobId, done: current };
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
  await db().baseImage.update({ where: { id: bi.id }, data: { status: "fetching", jobId: job.id, error: null } });
  const done = runFetch(bi, job.id, arch !== null && isArch(arch) ? arch : null).finally(() => running.delete(bi.id));
  running.set(bi.id, done);
  return { jobId: job.id, done };
}

async function runFetch(bi: BaseImage, jobId: string, arch: Arch | null): Promise<void> {
  const log = await JobLog.open(jobId);
  try {
    if (!arch) throw new Error(`The row's architecture ${bi.cpuArchitecture} cannot have a live ISO`);
    const sample = sampleArchOf(bi.url);
    if (sample && !existsSync(fileURLToPath(bi.url))) {
      void log.line("building", `Building the sample ${sample} live ISO from Debian packages…`);
      await buildSampleIso({
        arch: sample,
        out: fileURLToPath(bi.url),
        log: (l) => void log.line("building", l, "stderr"),
      });
    }
    void log.line("fetching_image", `Fetching ${displayUrl(bi.url)}`);
    let lastPct = -10;
    const { size, sha256 } = await download(bi.url, cachePath(bi.url), (bytes, total) => {
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
    });
    void log.line("verifying", `Fetched ${size} bytes, sha256 ${sha256}; verifying…`);
    const verified = await verifyBaseIso(cachePath(bi.url), arch);
    void log.line(
      "verifying",
      `ISO 9660 volume; Ignition area ${verified.embed.ignition.length} bytes (${verified.embed.ignition.source}); kernel /${verified.kernelPath} is ${verified.detectedArch}`,
    );
    const file = cachePath(bi.url);
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
        detectedArch: verified.detectedArch,
        minimalPath: minimal?.minimalPath ?? null,
        minimalSizeBytes: minimal ? BigInt(minimal.minimalSize) : null,
        rootfsPath: minimal?.rootfsPath ?? null,
        error: null,
        fetchedAt: new Date(),
      },
    });
    await log.flush();
    await db().job.update({ where: { id: jobId }, data: { status: "success", progress: 100, finishedAt: new Date() } });
  } catch (err) {
    const reason = (err as Error).message;
    void log.line("error", reason, "stderr");
    await log.flush();
    await db().baseImage.update({ where: { id: bi.id }, data: { status: "failed", error: reason } });
    await db().job.update({
      where: { id: jobId },
      data: { status: "error", failureReason: reason, finishedAt: new Date() },
    });
  }
}

/** After a restart nothing is still fetching: mark what was left running as interrupted. */
export async function reconcileFetches(): Promise<void> {
  const reason = "Interrupted: the server stopped while this ran";
  await db().baseImage.updateMany({ where: { status: "fetching" }, data: { status: "failed", error: reason } });
  await db().job.updateMany({
    where: { jobType: FETCH_JOB, status: { notIn: ["success", "error", "cancelled"] } },
    data: { status: "error", failureReason: reason, finishedAt: new Date() },
  });
}

/** Fetches every image-table url not yet cached, one at a time, in the background. */
export async function fetchMissing(): Promise<void> {
  const urls = await db().osImage.findMany({ select: { url: true, cpuArchitecture: true }, distinct: ["url"] });
  for (const { url, cpuArchitecture } of urls) {
    const bi = await baseImageFor(url, cpuArchitecture);
    if (await readyBaseImage(url)) continue;
    const { done } = await startFetch(bi.id);
    await done;
  }
}
