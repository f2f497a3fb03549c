// An orderly stop of this process's worker (SIGTERM, SIGINT): without it the jobs it ran were left to
// the reaper (a dead worker's jobs fail ~40 s later, "stopped responding") or, on SQLite, to the next
// start, while their sandboxes ran on. Here the worker takes no more jobs, stops the ones it runs at
// once (processes killed, scratch disks removed; base-image fetches go back to the PostgreSQL queue,
// every other job fails with the reason), and marks its row stopped, so no process waits for its
// heartbeat to age and the waiting jobs are placed on the workers left.
import "server-only";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { WorkerStopping } from "../context";
import { replaceWaiting } from "../queue/placement";
import { stopSupervision } from "../queue/supervise";
import { abortAllHere, allEndedHere, stopTakingJobs } from "../run-job";
import { localRunner, localWorkerId, stopLocalWorker } from "./local";
import { settleOrphans, stopWorker } from "./reaper";

/** How long the jobs stopped here get to record their end before the worker's row is stopped anyway. */
const JOBS_END_MS = 10_000;

export async function stopWorkerHere(signal: string, jobsEndMs = JOBS_END_MS): Promise<void> {
  stopTakingJobs();
  stopSupervision();
  const id = localWorkerId();
  if (!id) return stopLocalWorker();
  const me = await localRunner();
  abortAllHere(new WorkerStopping(`Worker ${me.name} on ${me.hostname} was stopped (${signal}) while this job ran`));
  if (!(await allEndedHere(jobsEndMs)))
    console.error(
      `[archway] jobs still running ${jobsEndMs / 1000} s after ${signal}: they are failed without their end`,
    );
  await stopLocalWorker();
  const row = await db().worker.findUnique({ where: { id } });
  if (row && !row.stoppedAt) await stopWorker(row, `stopped by ${signal}`);
  // What did not end in time fails with the worker's reason, as a lost worker's jobs do.
  await settleOrphans();
  if (providerOf(env().databaseUrl) === "postgresql") await replaceWaiting();
}

/** scripts/server.mjs calls this on SIGTERM/SIGINT and exits once it resolved (as with its downloads hook). */
export function installStopHook(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for("archway.stopJobs")] = (signal: string) => stopWorkerHere(signal);
}
