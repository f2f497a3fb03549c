// This process's worker (ARCHWAY_ROLE all or worker): its Worker row and heartbeat, and on PostgreSQL
// the graphile-worker runner taking the queue tasks it can run (per-worker concurrency
// ARCHWAY_JOB_CONCURRENCY) and the cancel notes for the jobs it runs.
import "server-only";
import { EventEmitter } from "node:events";
import { Logger, type Runner as QueueRunner, run, type WorkerEvents } from "graphile-worker";
import type { Pool } from "pg";
import { db } from "@/lib/db";
import { listen } from "@/lib/db/notify";
import { providerOf } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { CANCELLED } from "../context";
import { taskName } from "../queue/graphile";
import { tasksOf } from "../queue/placement";
import { queuePool } from "../queue/pool";
import { CANCEL_CHANNEL } from "../queue/queue-executor";
import { abortAllHere, abortHere, type Runner, runJob, runningHere, startTakingJobs, takingJobs } from "../run-job";
import { localCapabilities } from "./capabilities";
import { HEARTBEAT_MS, heartbeat, registerWorker } from "./registry";

type Local = {
  runner: Promise<Runner>;
  /** The id of `runner` once written. */
  id?: string;
  timer?: NodeJS.Timeout;
  queue?: QueueRunner;
  /** The queue runner's connections (lib/jobs/queue/pool.ts). */
  pool?: Pool;
  queueIds: string[];
  stopListening?: () => void;
};

const g = globalThis as unknown as { archwayLocalWorker?: Local };

function register(local: Pick<Local, "id">): Promise<Runner> {
  return registerWorker(localCapabilities(), env().ARCHWAY_WORKER_NAME, env().dataDir).then((w) => {
    local.id = w.id;
    return { id: w.id, name: w.name, hostname: w.hostname, nativeArch: w.nativeArch };
  });
}

/** This process's worker identity, its row written on first use. */
export function localRunner(): Promise<Runner> {
  if (!g.archwayLocalWorker) {
    const local: Local = { queueIds: [], runner: Promise.resolve(null as unknown as Runner) };
    local.runner = register(local);
    local.runner.catch(() => {
      if (g.archwayLocalWorker === local) g.archwayLocalWorker = undefined;
    });
    g.archwayLocalWorker = local;
  }
  return g.archwayLocalWorker.runner;
}

/** The id of this process's worker row, when it has one. */
export const localWorkerId = (): string | undefined => g.archwayLocalWorker?.id;

/**
 * Another process took this worker for dead (a long pause, a lost network) and settled its jobs:
 * the jobs still running here are stopped, and the worker goes on under a new row.
 */
async function rejoin(local: Local, old: Runner): Promise<void> {
  console.error(`[archway] worker ${old.name} was taken for dead by another process; its jobs were failed`);
  abortAllHere(`worker ${old.name} on ${old.hostname} stopped responding`);
  local.runner = register(local);
  await local.runner;
}

// graphile-worker's own info lines would drown ours; its warnings and errors stay.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[archway] queue: ${message}`);
});

/** Registers the worker and starts its heartbeat, and on PostgreSQL takes jobs from the queue. */
export async function startLocalWorker(): Promise<Runner> {
  const me = await localRunner();
  const local = g.archwayLocalWorker!;
  startTakingJobs();
  if (local.timer) return me;
  local.timer = setInterval(async () => {
    const current = await local.runner;
    try {
      if (!(await heartbeat(current.id, runningHere(), local.queueIds))) await rejoin(local, current);
    } catch (err) {
      console.error(`[archway] heartbeat of worker ${current.name} failed: ${(err as Error).message}`);
    }
  }, HEARTBEAT_MS);
  local.timer.unref();
  if (providerOf(env().databaseUrl) !== "postgresql") return me;
  local.stopListening = await listen(CANCEL_CHANNEL, (note) => {
    if (typeof note.job === "string") abortHere(note.job, CANCELLED);
  });
  const caps = localCapabilities();
  const task = async (payload: unknown) => {
    const { jobId } = payload as { jobId: string };
    // Delivered while this worker stops: unplaced, so the next placement (the stop's own, or any
    // process's supervision) queues it again for the workers left. (One attempt per queue entry.)
    if (!takingJobs())
      await db().job.updateMany({
        where: { id: jobId, status: "creating", workerId: null },
        data: { placement: null },
      });
    else await runJob(jobId, await local.runner);
  };
  const taskList = Object.fromEntries(tasksOf(caps).map((t) => [taskName(t), task]));
  // graphile-worker names its workers itself; the reaper releases their locks if this process dies.
  const events = new EventEmitter() as WorkerEvents;
  events.on("worker:create", ({ worker }) => {
    local.queueIds.push(worker.workerId);
    if (local.id) void heartbeat(local.id, runningHere(), local.queueIds).catch(() => undefined);
  });
  local.pool = queuePool(env().databaseUrl);
  local.queue = await run({
    pgPool: local.pool,
    concurrency: env().ARCHWAY_JOB_CONCURRENCY,
    taskList,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: quietLogger,
    events,
  });
  return me;
}

/** Stops taking jobs (tests; a stop signal: ./stop.ts); jobs running here are left to finish or be reaped. */
export async function stopLocalWorker(): Promise<void> {
  const local = g.archwayLocalWorker;
  g.archwayLocalWorker = undefined;
  if (!local) return;
  clearInterval(local.timer);
  local.stopListening?.();
  await local.queue?.stop().catch(() => undefined);
  await local.pool?.end().catch(() => undefined);
}
