// The embedded job executor, the one engine of every job type (image builds and base-image
// fetches): runs jobs in this process with a queue, a concurrency limit, a per-job timeout and
// cancellation, gives image builds their sandbox (lib/jobs/sandbox) and undoes it after, and ends
// every job with `event: end`. A distributed executor (Kubernetes Jobs, a queue) implements JobExecutor.
import "server-only";
import path from "node:path";
import { fetchBaseImage } from "@/lib/base-images/fetch-job";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { create } from "./builders/create";
import { customize } from "./builders/customize";
import { CANCELLED, type JobContext, type JobKind, type JobStatus, TERMINAL } from "./context";
import { JobLog } from "./job-log";
import { publish } from "./log-bus";
import { reapCgroups } from "./sandbox/cgroup";
import { type PreparedSandbox, prepareSandbox } from "./sandbox/prepare";
import { mountsUnder, removeScratch, scratchOf, scratchRoot } from "./sandbox/scratch";

export interface JobExecutor {
  submit(jobId: string): void;
  /** True when the job was queued or running here and is now being cancelled. */
  cancel(jobId: string): Promise<boolean>;
}

const KINDS: Record<string, JobKind> = {
  create: { sandboxed: true, run: create },
  customize: { sandboxed: true, run: customize },
  fetch_base_image: { sandboxed: false, run: fetchBaseImage },
};

async function finish(
  jobId: string,
  status: JobStatus,
  data: { failureReason?: string | null; resultantImageId?: string },
) {
  const job = await db().job.update({
    where: { id: jobId },
    data: { status, finishedAt: new Date(), progress: status === "success" ? 100 : undefined, ...data },
  });
  publish(jobId, { type: "end", status, failureReason: job.failureReason });
}

class InProcessExecutor implements JobExecutor {
  private queue: string[] = [];
  private running = new Map<string, AbortController>();

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
    const ac = this.running.get(jobId);
    if (!ac) return false;
    ac.abort(CANCELLED);
    return true;
  }

  private pump(): void {
    while (this.running.size < env().ARCHWAY_JOB_CONCURRENCY && this.queue.length) void this.run(this.queue.shift()!);
  }

  private async run(jobId: string): Promise<void> {
    const ac = new AbortController();
    this.running.set(jobId, ac);
    const timeoutS = env().ARCHWAY_JOB_TIMEOUT_SECONDS;
    const timer = setTimeout(() => ac.abort(`Timed out after ${timeoutS} s`), timeoutS * 1000);
    const log = await JobLog.open(jobId);
    let sandbox: PreparedSandbox | null = null;
    try {
      const job = await db().job.update({ where: { id: jobId }, data: { startedAt: new Date() } });
      const kind = KINDS[job.jobType];
      if (!kind) throw new Error(`No builder for job type ${job.jobType}`);
      let current: string | null = null;
      const times: Record<string, { started: string; finished?: string }> = {};
      const base: JobContext = {
        job,
        log,
        signal: ac.signal,
        step: async (status, message) => {
          const now = new Date().toISOString();
          if (current && times[current]) times[current].finished = now;
          times[status] = { started: now };
          current = status;
          await db().job.update({ where: { id: jobId }, data: { status, stepTimes: times } });
          void log.line(status, message);
        },
      };
      let imageId: string | undefined;
      if (kind.sandboxed) {
        sandbox = await prepareSandbox(job, base, (reason) => ac.abort(reason));
        imageId = await kind.run({ ...base, ...sandbox.ctx });
      } else await kind.run(base);
      if (current && times[current]) times[current].finished = new Date().toISOString();
      await log.close();
      await db().job.update({ where: { id: jobId }, data: { stepTimes: times } });
      await finish(jobId, "success", { resultantImageId: imageId });
    } catch (err) {
      const cancelled = ac.signal.aborted && ac.signal.reason === CANCELLED;
      const limit = cancelled ? null : (sandbox?.limitReason() ?? null);
      const reason = limit ?? (ac.signal.aborted ? String(ac.signal.reason) : (err as Error).message);
      await log.line("error", reason, "stderr");
      await log.close();
      await finish(jobId, cancelled ? "cancelled" : "error", { failureReason: reason });
    } finally {
      clearTimeout(timer);
      this.running.delete(jobId);
      await sandbox?.release();
      this.pump();
    }
  }
}

const globalExecutor = globalThis as unknown as { archwayExecutor?: JobExecutor };

export function executor(): JobExecutor {
  return (globalExecutor.archwayExecutor ??= new InProcessExecutor());
}

/**
 * At start-up nothing of ours is running yet: what a dead server's jobs left is killed (their
 * cgroups) and unmounted (their scratch disks), and the jobs it left unfinished become errors.
 */
export async function reconcileJobs(): Promise<number> {
  const killed = await reapCgroups(env().dataDir);
  for (const dir of mountsUnder(scratchRoot(env().dataDir)))
    await removeScratch(scratchOf(env().dataDir, path.basename(dir)));
  if (killed.length) console.log(`[archway] killed the processes of ${killed.length} job(s) a stopped server left`);
  const { count } = await db().job.updateMany({
    where: { status: { notIn: TERMINAL } },
    data: {
      status: "error",
      failureReason: "Interrupted: the server stopped while this job ran; its processes were killed at restart",
      finishedAt: new Date(),
    },
  });
  return count;
}
