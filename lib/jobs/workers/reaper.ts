// Workers that stopped answering: any live process may run this (every few seconds on PostgreSQL).
// Every step is a conditional UPDATE, so processes reaping at once do each thing once: the worker
// row is stopped, its queue locks are released, its base-image fetches are queued again (safe to
// repeat) and every other job it ran fails with the reason (a user's script never runs twice).
import "server-only";
import type { Worker } from "@/lib/db";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { RETRIED_AFTER_WORKER_LOSS, TERMINAL } from "../context";
import { JobLog } from "../job-log";
import { publish } from "../log-bus";
import { dequeue, unlockDead } from "../queue/graphile";
import { placeJob } from "../queue/placement";
import { localWorkerId } from "./local";
import { DEAD_AFTER_MS } from "./registry";

export const lostReason = (w: Pick<Worker, "name" | "hostname">) =>
  `worker ${w.name} on ${w.hostname} stopped responding`;

const onQueue = () => providerOf(env().databaseUrl) === "postgresql";

/** Stops the rows of workers whose heartbeat is too old; returns the ones this call stopped. */
export async function stopSilentWorkers(now = Date.now()): Promise<Worker[]> {
  const silent = await db().worker.findMany({
    where: { stoppedAt: null, heartbeatAt: { lt: new Date(now - DEAD_AFTER_MS) } },
  });
  const stopped: Worker[] = [];
  // This process is running, so its own worker is not dead, however late its last heartbeat.
  for (const w of silent) if (w.id !== localWorkerId() && (await stopWorker(w, lostReason(w)))) stopped.push(w);
  return stopped;
}

/** Marks one worker stopped, unless it sent a heartbeat since it was read (or another process did it). */
export async function stopWorker(w: Worker, reason: string): Promise<boolean> {
  const { count } = await db().worker.updateMany({
    where: { id: w.id, stoppedAt: null, heartbeatAt: w.heartbeatAt },
    data: { stoppedAt: new Date(), stopReason: reason },
  });
  return count > 0;
}

/**
 * The unfinished jobs of stopped workers: fetches go back to the queue, the rest fail with the
 * worker's stop reason. Returns the ids it failed and the ids it re-queued.
 */
export async function settleOrphans(): Promise<{ failed: string[]; requeued: string[] }> {
  const jobs = await db().job.findMany({
    where: { status: { notIn: TERMINAL }, workerId: { not: null } },
    select: { id: true, jobType: true, workerId: true },
  });
  const out = { failed: [] as string[], requeued: [] as string[] };
  if (!jobs.length) return out;
  const stopped = await db().worker.findMany({
    where: { id: { in: [...new Set(jobs.map((j) => j.workerId!))] }, stoppedAt: { not: null } },
  });
  if (!stopped.length) return out;
  if (onQueue()) await unlockDead(stopped.flatMap((w) => (Array.isArray(w.queueIds) ? (w.queueIds as string[]) : [])));
  for (const job of jobs) {
    const w = stopped.find((s) => s.id === job.workerId);
    if (!w) continue;
    const reason = w.stopReason ?? lostReason(w);
    const still = { id: job.id, workerId: w.id, status: { notIn: TERMINAL } };
    if (RETRIED_AFTER_WORKER_LOSS.has(job.jobType) && onQueue()) {
      const { count } = await db().job.updateMany({
        where: still,
        data: { status: "creating", workerId: null, startedAt: null, placement: null, waitingReason: null },
      });
      if (!count) continue;
      await note(job.id, `${reason}; queued again`);
      await placeJob(job.id);
      out.requeued.push(job.id);
      continue;
    }
    // Ended with its reason in one conditional UPDATE: a reader never sees an error without why.
    const { count } = await db().job.updateMany({
      where: still,
      data: { status: "error", failureReason: reason, finishedAt: new Date() },
    });
    if (!count) continue;
    await note(job.id, reason);
    publish(job.id, { type: "end", status: "error", failureReason: reason });
    if (onQueue()) await dequeue(job.id);
    out.failed.push(job.id);
  }
  return out;
}

async function note(jobId: string, line: string): Promise<void> {
  const log = await JobLog.open(jobId);
  await log.line("error", line, "stderr");
  await log.close();
}

/** One pass: stop the silent workers, then settle every orphaned job. */
export async function reap(now = Date.now()) {
  const stopped = await stopSilentWorkers(now);
  return { stopped, ...(await settleOrphans()) };
}
