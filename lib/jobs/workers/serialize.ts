// A worker as GET /api/v1/workers shows it: identity, capabilities, load, heartbeat, liveness.
import type { Worker } from "@/lib/db";
import { emulatesOf, isAlive } from "./registry";

export function serializeWorker(w: Worker & { jobIds: string[] }, now = Date.now()) {
  return {
    id: w.id,
    name: w.name,
    hostname: w.hostname,
    native_arch: w.nativeArch,
    emulates: emulatesOf(w),
    slots: w.slots,
    free_slots: Math.max(0, w.slots - w.jobIds.length),
    running_jobs: w.jobIds,
    started: w.startedAt.toISOString(),
    last_heartbeat: w.heartbeatAt.toISOString(),
    alive: isAlive(w, now),
    stopped: w.stoppedAt?.toISOString(),
    stop_reason: w.stopReason ?? undefined,
  };
}

export type WorkerJson = ReturnType<typeof serializeWorker>;
