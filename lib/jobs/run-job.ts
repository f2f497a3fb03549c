// Running one job in this process, the same for every queue (the in-process one on SQLite, the
// PostgreSQL one of lib/jobs/queue): claim it for this worker, give image builds their sandbox, apply
// the timeout and cancel, record the outcome and end it with `event: end`.
import "server-only";
import { fetchBaseImage } from "@/lib/base-images/fetch-job";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { create } from "./builders/create";
import { customize } from "./builders/customize";
import { CANCELLED, handedBack, type JobContext, type JobKind, type JobStatus, TERMINAL } from "./context";
import { JobLog } from "./job-log";
import { publish } from "./log-bus";
import { type PreparedSandbox, prepareSandbox } from "./sandbox/prepare";

const KINDS: Record<string, JobKind> = {
  create: { sandboxed: true, run: create },
  customize: { sandboxed: true, run: customize },
  fetch_base_image: { sandboxed: false, run: fetchBaseImage },
};

/** Who runs a job: this process's worker. */
export type Runner = { id: string; name: string; hostname: string; nativeArch: string };

// Jobs running in this process, by id: cancel (in-process or from a notification) aborts them.
const g = globalThis as unknown as { archwayRunning?: Map<string, AbortController> };
const running = (g.archwayRunning ??= new Map());

export const runningHere = (): number => running.size;

/** Aborts a job this process runs; false when it runs elsewhere or not at all. */
export function abortHere(jobId: string, reason: string): boolean {
  const ac = running.get(jobId);
  ac?.abort(reason);
  return Boolean(ac);
}

/** Aborts every job this process runs (a string reason fails them; a WorkerStopping may hand some back). */
export function abortAllHere(reason: unknown): void {
  for (const ac of running.values()) ac.abort(reason);
}

const intake = { open: true };

/** This process's worker is stopping: jobs delivered from now on are not started (until it starts again). */
export function stopTakingJobs(): void {
  intake.open = false;
}

export function startTakingJobs(): void {
  intake.open = true;
}

export const takingJobs = (): boolean => intake.open;

/** Resolves with true once no job runs in this process, or with false after `timeoutMs`. */
export async function allEndedHere(timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (running.size && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return running.size === 0;
}

/**
 * Ends a job and tells its viewers, in every process. With `claimedBy`, only while that worker still
 * holds it unfinished: a worker taken for dead whose jobs another process already settled (failed, or
 * queued again) must not overwrite that outcome when it stops them.
 */
export async function finish(
  jobId: string,
  status: JobStatus,
  data: { failureReason?: string | null; resultantImageId?: string },
  lastSeq?: number,
  claimedBy?: string,
): Promise<void> {
  const { count } = await db().job.updateMany({
    where: { id: jobId, ...(claimedBy ? { workerId: claimedBy, status: { notIn: TERMINAL } } : {}) },
    data: { status, finishedAt: new Date(), progress: status === "success" ? 100 : undefined, ...data },
  });
  if (count) publish(jobId, { type: "end", status, failureReason: data.failureReason ?? null, lastSeq });
}

/** Gives a job its worker stopped back to the queue, as the reaper does with a lost worker's. */
async function handBack(jobId: string, claimedBy: string): Promise<void> {
  await db().job.updateMany({
    where: { id: jobId, workerId: claimedBy, status: { notIn: TERMINAL } },
    data: { status: "creating", workerId: null, startedAt: null, placement: null, waitingReason: null, progress: 0 },
  });
}

/**
 * Claims the job for `runner` (only a queued job nobody claimed: a cancelled or already claimed one is
 * left alone, so a queue that delivers twice still runs it once), then runs it to its end.
 */
export async function runJob(jobId: string, runner: Runner): Promise<void> {
  const ac = new AbortController();
  running.set(jobId, ac); // before the claim: a cancel arriving meanwhile is not lost
  try {
    const current = await db().job.findUnique({ where: { id: jobId }, select: { arch: true } });
    const { count } = await db().job.updateMany({
      where: { id: jobId, status: "creating", workerId: null },
      data: {
        startedAt: new Date(),
        workerId: runner.id,
        workerName: runner.name,
        workerHost: runner.hostname,
        emulated: current ? current.arch !== runner.nativeArch : false,
        waitingReason: null,
      },
    });
    if (count) await execute(jobId, ac, runner);
  } finally {
    running.delete(jobId);
  }
}

async function execute(jobId: string, ac: AbortController, runner: Runner): Promise<void> {
  const timeoutS = env().ARCHWAY_JOB_TIMEOUT_SECONDS;
  const timer = setTimeout(() => ac.abort(`Timed out after ${timeoutS} s`), timeoutS * 1000);
  const log = await JobLog.open(jobId);
  let sandbox: PreparedSandbox | null = null;
  let jobType = "";
  try {
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    jobType = job.jobType;
    const kind = KINDS[job.jobType];
    if (!kind) throw new Error(`No builder for job type ${job.jobType}`);
    if (ac.signal.aborted) throw new Error(String(ac.signal.reason));
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
    if (job.workerName) void log.line("creating", `Claimed by worker ${job.workerName} on ${job.workerHost}`);
    let imageId: string | undefined;
    if (kind.sandboxed) {
      sandbox = await prepareSandbox(job, base, (reason) => ac.abort(reason));
      imageId = await kind.run({ ...base, ...sandbox.ctx });
    } else await kind.run(base);
    if (current && times[current]) times[current].finished = new Date().toISOString();
    await log.close();
    await db().job.update({ where: { id: jobId }, data: { stepTimes: times } });
    await finish(jobId, "success", { resultantImageId: imageId }, log.lastSeq, runner.id);
  } catch (err) {
    const cancelled = ac.signal.aborted && ac.signal.reason === CANCELLED;
    const limit = cancelled ? null : (sandbox?.limitReason() ?? null);
    const reason = limit ?? (ac.signal.aborted ? String(ac.signal.reason) : (err as Error).message);
    if (handedBack(jobType, ac.signal)) {
      await log.line("error", `${reason}; queued again for another worker`, "stderr");
      await log.close();
      await handBack(jobId, runner.id);
      return;
    }
    await log.line("error", reason, "stderr");
    await log.close();
    await finish(jobId, cancelled ? "cancelled" : "error", { failureReason: reason }, log.lastSeq, runner.id);
  } finally {
    clearTimeout(timer);
    await sandbox?.release();
  }
}
