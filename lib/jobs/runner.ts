// The job engine's front: JobExecutor queues and cancels jobs; lib/jobs/run-job.ts runs one (sandbox,
// timeout, cancel, `event: end`) for both queues. On SQLite the embedded in-process queue of this
// process; on PostgreSQL the graphile-worker queue (lib/jobs/queue), claimed by any worker process.
import "server-only";
import os from "node:os";
import path from "node:path";
import { isArch } from "@/lib/arch";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { CANCELLED, RETRIED_AFTER_WORKER_LOSS, TERMINAL } from "./context";
import { QueueExecutor } from "./queue/queue-executor";
import { abortHere, finish, runJob, takingJobs } from "./run-job";
import { reapCgroups } from "./sandbox/cgroup";
import { mountsUnder, removeScratch, scratchOf, scratchRoot } from "./sandbox/scratch";
import { localCapabilities } from "./workers/capabilities";
import { localRunner, localWorkerId } from "./workers/local";
import { settleOrphans, stopWorker } from "./workers/reaper";

export interface JobExecutor {
  submit(jobId: string): void;
  /** True when the job was queued or running and is now being cancelled. */
  cancel(jobId: string): Promise<boolean>;
}

/** SQLite: one process does everything, so its queue is an array and its worker is itself. */
class InProcessExecutor implements JobExecutor {
  private queue: string[] = [];
  private active = 0;

  submit(jobId: string): void {
    this.queue.push(jobId);
    this.pump();
  }

  async cancel(jobId: string): Promise<boolean> {
    const queued = this.queue.indexOf(jobId);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      await finish(jobId, "cancelled", { failureReason: CANCELLED });
      return true;
    }
    return abortHere(jobId, CANCELLED);
  }

  private pump(): void {
    if (!takingJobs()) return; // stopping: what waits stays queued for the next start
    while (this.active < env().ARCHWAY_JOB_CONCURRENCY && this.queue.length) void this.run(this.queue.shift()!);
  }

  private async run(jobId: string): Promise<void> {
    this.active++;
    try {
      const job = await db().job.findUnique({ where: { id: jobId }, select: { arch: true } });
      const caps = localCapabilities();
      // The only worker there is cannot run it (ARCHWAY_EMULATION=off): waiting would be forever.
      if (job && isArch(job.arch) && job.arch !== caps.nativeArch && !caps.emulates.includes(job.arch))
        await finish(jobId, "error", {
          failureReason: `No worker runs or emulates ${job.arch} (this server's emulation is off or missing)`,
        });
      else await runJob(jobId, await localRunner());
    } catch (err) {
      console.error(`[archway] job ${jobId} could not run:`, err);
    } finally {
      this.active--;
      this.pump();
    }
  }
}

const globalExecutor = globalThis as unknown as { archwayExecutor?: { url: string; executor: JobExecutor } };

export function executor(): JobExecutor {
  const url = env().databaseUrl;
  if (globalExecutor.archwayExecutor?.url !== url)
    globalExecutor.archwayExecutor = {
      url,
      executor: providerOf(url) === "postgresql" ? new QueueExecutor() : new InProcessExecutor(),
    };
  return globalExecutor.archwayExecutor.executor;
}

const queuedToResume = { status: "creating", jobType: { notIn: [...RETRIED_AFTER_WORKER_LOSS] } };

/**
 * SQLite: the jobs queued when the server last stopped (a stop signal leaves them queued) are
 * submitted again, oldest first; returns how many. (On PostgreSQL they wait in the shared queue.)
 */
export async function resumeQueued(): Promise<number> {
  if (providerOf(env().databaseUrl) !== "sqlite" || !runsJobs()) return 0;
  const queued = await db().job.findMany({
    where: queuedToResume,
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  for (const { id } of queued) executor().submit(id);
  return queued.length;
}

const INTERRUPTED = "Interrupted: the server stopped while this job ran; its processes were killed at restart";
const runsJobs = () => env().ARCHWAY_ROLE !== "web";

/**
 * At start-up, what this process's previous run left: its jobs' processes killed (their cgroups)
 * and scratch disks unmounted, and its unfinished jobs failed. On SQLite that is every unfinished
 * job; on PostgreSQL only those of the previous run of this worker (same host and data directory)
 * and those nobody claimed yet had moved on: jobs other live workers run are left alone.
 */
export async function reconcileJobs(): Promise<number> {
  const e = env();
  if (runsJobs()) {
    const killed = await reapCgroups(e.dataDir);
    for (const dir of mountsUnder(scratchRoot(e.dataDir)))
      await removeScratch(scratchOf(e.dataDir, path.basename(dir)));
    if (killed.length) console.log(`[archway] killed the processes of ${killed.length} job(s) a stopped server left`);
  }
  const unfinished = { status: { notIn: TERMINAL } };
  if (providerOf(e.databaseUrl) === "sqlite") {
    await db().worker.updateMany({
      where: { stoppedAt: null, id: { not: localWorkerId() } },
      data: { stoppedAt: new Date(), stopReason: INTERRUPTED },
    });
    // Queued jobs never started: they run after this start (resumeQueued). Base-image fetches are the
    // exception: the cache's own start-up fetches those again (lib/base-images/heal.ts).
    const { count } = await db().job.updateMany({
      where: { ...unfinished, NOT: queuedToResume },
      data: { status: "error", failureReason: INTERRUPTED, finishedAt: new Date() },
    });
    return count;
  }
  if (runsJobs()) {
    const previous = await db().worker.findMany({
      where: { stoppedAt: null, hostname: os.hostname(), dataDir: e.dataDir },
    });
    for (const w of previous) if (w.id !== localWorkerId()) await stopWorker(w, INTERRUPTED);
  }
  // Started but held by no worker: left by a version that did not record workers.
  const { count } = await db().job.updateMany({
    where: { ...unfinished, status: { notIn: [...TERMINAL, "creating"] }, workerId: null },
    data: { status: "error", failureReason: INTERRUPTED, finishedAt: new Date() },
  });
  const { failed } = await settleOrphans();
  return count + failed.length;
}
