// The PostgreSQL queue under the job engine: graphile-worker holds one queue job per Archway job (its
// job key is the Archway job's id) under the task of its placement (lib/jobs/queue/placement.ts), so
// it is claimed exactly once, by a worker whose task list has that task.
import "server-only";
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import type { Pool } from "pg";
import { env } from "@/lib/env";
import { queuePool } from "./pool";

/** One task per capability: `job:native:aarch64`, `job:emulated:aarch64`, `job:any` (no arch needed). */
export const taskName = (placement: string) => `job:${placement}`;

const g = globalThis as unknown as {
  archwayQueueUtils?: { url: string; pool: Pool; utils: Promise<WorkerUtils> };
};

export function queueUtils(): Promise<WorkerUtils> {
  const url = env().databaseUrl;
  if (g.archwayQueueUtils?.url !== url) {
    const pool = queuePool(url);
    const utils = makeWorkerUtils({ pgPool: pool }).then(async (u) => {
      await u.migrate();
      return u;
    });
    utils.catch(() => {
      g.archwayQueueUtils = undefined;
      void pool.end().catch(() => undefined);
    });
    g.archwayQueueUtils = { url, pool, utils };
  }
  return g.archwayQueueUtils.utils;
}

/**
 * Queues the job under `placement`, or moves it there while it waits. Our own retry rules apply
 * (lib/jobs/workers/reaper.ts), so the queue never runs a job twice: one attempt.
 */
export async function enqueue(jobId: string, placement: string): Promise<void> {
  const utils = await queueUtils();
  await utils.addJob(taskName(placement), { jobId }, { jobKey: jobId, jobKeyMode: "replace", maxAttempts: 1 });
}

/** Takes a not-yet-claimed job out of the queue; false when a worker holds it already. */
export async function dequeue(jobId: string): Promise<boolean> {
  const utils = await queueUtils();
  const { rows } = await utils.withPgClient((c) =>
    c.query<{ locked_at: Date | null; id: string | null }>("select id, locked_at from graphile_worker.remove_job($1)", [
      jobId,
    ]),
  );
  return !rows[0]?.id || rows[0].locked_at === null;
}

/** Frees the queue jobs dead workers held, at once rather than after graphile-worker's 4 hours. */
export async function unlockDead(queueIds: string[]): Promise<void> {
  if (!queueIds.length) return;
  await (await queueUtils()).forceUnlockWorkers(queueIds);
}

/** Releases the pool (tests, shutdown). */
export async function closeQueueUtils(): Promise<void> {
  const current = g.archwayQueueUtils;
  g.archwayQueueUtils = undefined;
  await (await current?.utils.catch(() => null))?.release();
  await current?.pool.end().catch(() => undefined);
}
