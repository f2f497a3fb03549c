// The Worker table: every process that runs jobs writes its row at start and a heartbeat every few
// seconds; a row whose heartbeat is older than DEAD_AFTER_MS belongs to a dead process (the reaper
// then stops it). Clocks of the machines are assumed in step (NTP), as heartbeats are compared
// with the reader's clock.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Worker } from "@/lib/db";
import { db } from "@/lib/db";
import { TERMINAL } from "../context";
import type { Capabilities } from "./capabilities";

export const HEARTBEAT_MS = 5_000;
// Generous against a loaded machine's late timers; a dead worker's jobs still fail within ~40 s.
export const DEAD_AFTER_MS = 30_000;

export const isAlive = (w: Pick<Worker, "stoppedAt" | "heartbeatAt">, now = Date.now()): boolean =>
  !w.stoppedAt && now - w.heartbeatAt.getTime() < DEAD_AFTER_MS;

/** A worker's emulated architectures (stored as JSON). */
export const emulatesOf = (w: Pick<Worker, "emulates">): string[] =>
  Array.isArray(w.emulates) ? w.emulates.filter((a): a is string => typeof a === "string") : [];

export async function registerWorker(caps: Capabilities, name: string | undefined, dataDir: string): Promise<Worker> {
  const id = randomUUID();
  return db().worker.create({
    data: {
      id,
      name: name ?? `worker-${id.slice(0, 8)}`,
      hostname: caps.hostname,
      dataDir,
      nativeArch: caps.nativeArch,
      emulates: caps.emulates,
      slots: caps.slots,
      queueIds: [],
    },
  });
}

/** False when the row was stopped meanwhile (the reaper took this worker for dead). */
export async function heartbeat(id: string, running: number, queueIds: string[]): Promise<boolean> {
  const { count } = await db().worker.updateMany({
    where: { id, stoppedAt: null },
    data: { heartbeatAt: new Date(), running, queueIds },
  });
  return count > 0;
}

export async function liveWorkers(now = Date.now()): Promise<Worker[]> {
  const rows = await db().worker.findMany({
    where: { stoppedAt: null, heartbeatAt: { gte: new Date(now - DEAD_AFTER_MS) } },
  });
  return rows.filter((w) => isAlive(w, now));
}

/** Live workers and those stopped within the last hour, each with the ids of the jobs it runs. */
export async function listWorkers(now = Date.now()) {
  const workers = await db().worker.findMany({
    where: { OR: [{ stoppedAt: null }, { stoppedAt: { gte: new Date(now - 3600_000) } }] },
    orderBy: [{ name: "asc" }, { startedAt: "desc" }],
  });
  const jobs = await db().job.findMany({
    where: { workerId: { in: workers.map((w) => w.id) }, status: { notIn: TERMINAL } },
    select: { id: true, workerId: true },
  });
  return workers.map((w) => ({ ...w, jobIds: jobs.filter((j) => j.workerId === w.id).map((j) => j.id) }));
}
