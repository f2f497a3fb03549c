// Where a queued job may run, from the live workers: natively on a worker of its architecture when
// one is alive, under emulation elsewhere only when none is, anywhere for jobs that run no image
// content (base-image fetches); otherwise it waits, with the reason on the job. Re-placed whenever the
// set of live workers changes (any process may do it: each move is conditional on the job still
// waiting unclaimed).
import "server-only";
import type { Worker } from "@/lib/db";
import { db } from "@/lib/db";
import { RETRIED_AFTER_WORKER_LOSS } from "../context";
import { emulatesOf, liveWorkers } from "../workers/registry";
import { dequeue, enqueue } from "./graphile";

export type Placement = { placement: string; waitingReason: null } | { placement: null; waitingReason: string };

type Capable = Pick<Worker, "nativeArch" | "emulates">;

/** The placement of a job of `jobType` and `arch` among `workers` (all alive). */
export function choosePlacement(job: { jobType: string; arch: string }, workers: Capable[]): Placement {
  if (RETRIED_AFTER_WORKER_LOSS.has(job.jobType))
    return workers.length
      ? { placement: "any", waitingReason: null }
      : { placement: null, waitingReason: "Waiting: no live worker" };
  if (workers.some((w) => w.nativeArch === job.arch)) return { placement: `native:${job.arch}`, waitingReason: null };
  if (workers.some((w) => emulatesOf(w).includes(job.arch)))
    return { placement: `emulated:${job.arch}`, waitingReason: null };
  return { placement: null, waitingReason: `Waiting: no live worker runs or emulates ${job.arch}` };
}

/** The queue tasks a worker takes: its own architecture's, the ones it emulates, and arch-free jobs. */
export function tasksOf(w: Capable): string[] {
  return ["any", `native:${w.nativeArch}`, ...emulatesOf(w).map((a) => `emulated:${a}`)];
}

/** Places (or re-places) one waiting job; nothing happens once a worker claimed it. */
async function place(
  job: { id: string; jobType: string; arch: string; placement: string | null; waitingReason: string | null },
  workers: Capable[],
): Promise<void> {
  const next = choosePlacement(job, workers);
  if (next.placement === job.placement && next.waitingReason === job.waitingReason) return;
  const { count } = await db().job.updateMany({
    where: { id: job.id, status: "creating", workerId: null },
    data: next,
  });
  if (!count) return;
  if (next.placement) await enqueue(job.id, next.placement);
  else await dequeue(job.id);
}

export async function placeJob(jobId: string): Promise<void> {
  const job = await db().job.findUnique({ where: { id: jobId } });
  if (job) await place(job, await liveWorkers());
}

/** Re-places every waiting job against the live workers now; returns how many it looked at. */
export async function replaceWaiting(workers?: Capable[]): Promise<number> {
  const live = workers ?? (await liveWorkers());
  const waiting = await db().job.findMany({ where: { status: "creating", workerId: null } });
  for (const job of waiting) await place(job, live);
  return waiting.length;
}
