// Start-up removes what a stopped or crashed server left half-done: temp files of processes that are
// gone, cache files no base image references, job work dirs of finished jobs, sample build dirs.
import "server-only";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { store } from "@/lib/artifacts/artifacts";
import { cacheDir } from "@/lib/base-images/fetch-job";
import { pulledFilesOf } from "@/lib/base-images/replicas";
import { sampleIsoPath } from "@/lib/catalog/default-catalog";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { TERMINAL } from "@/lib/jobs/context";
import { SAMPLE_ARCHES } from "@/lib/samples/arch-profiles";
import { deadOwner } from "./partial";

const names = (dir: string) => readdir(dir).catch(() => [] as string[]);

/** Removes every entry of `dir` that `stale` picks; returns how many went. */
async function sweep(dir: string, stale: (name: string) => boolean): Promise<number> {
  let removed = 0;
  for (const name of await names(dir)) {
    if (!stale(name)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

async function referencedCacheFiles(): Promise<Set<string>> {
  const rows = await db().baseImage.findMany();
  // Resolved, so a data dir named relatively then absolutely still matches its own files; copies
  // pulled from a shared artifact store are named by content, not by the row.
  return new Set(
    [...rows.flatMap((r) => [r.path, r.minimalPath, r.rootfsPath]), ...pulledFilesOf(rows)]
      .filter((p) => p !== null)
      .map((p) => path.resolve(p)),
  );
}

async function finishedJobDirs(dir: string): Promise<Set<string>> {
  const ids = await names(dir);
  const jobs = await db().job.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
  const running = new Set(jobs.filter((j) => !TERMINAL.includes(j.status as never)).map((j) => j.id));
  return new Set(ids.filter((id) => !running.has(id)));
}

/** Call before anything is fetched or built. Returns one line saying what was removed, or null. */
export async function removeLeftovers(): Promise<string | null> {
  const data = env().dataDir;
  const cache = cacheDir();
  const referenced = await referencedCacheFiles();
  // A cache file is kept while a row references it or its writer still runs.
  const partials = await sweep(cache, (n) => deadOwner(n) !== null);
  const orphans = await sweep(cache, (n) => !/\.part-\d+-/.test(n) && !referenced.has(path.resolve(cache, n)));
  // Sample ISOs of an older revision (sampleIsoPath names the current ones) are rebuilt, not reused.
  const current = new Set(SAMPLE_ARCHES.map((a) => path.basename(sampleIsoPath(data, a))));
  const samples = await sweep(
    path.join(data, "os-images", "sample"),
    (n) => deadOwner(n) !== null || (/^live-.*\.iso$/.test(n) && !current.has(n)),
  );
  // Local temp files of dead writers, or S3 uploads and temp objects older than a day.
  const artifacts = await store()
    .removeStaleTemps()
    .catch((err) => {
      console.error("[archway] sweeping the artifact store's temp uploads failed:", err);
      return 0;
    });
  const jobsDir = path.join(data, "jobs");
  const finished = await finishedJobDirs(jobsDir);
  const jobDirs = await sweep(jobsDir, (n) => finished.has(n));
  const workDirs = await sweep(tmpdir(), (n) => deadOwner(n) !== null);
  const parts = [
    [partials, `partial file(s) in ${cache}`],
    [orphans, `cache file(s) no base image references in ${cache}`],
    [samples, "partial sample ISO(s)"],
    [artifacts, "partial artifact upload(s)"],
    [jobDirs, "work dir(s) of finished jobs"],
    [workDirs, `sample build dir(s) in ${tmpdir()}`],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length ? `removed what interrupted work left behind: ${said.join(", ")}` : null;
}
