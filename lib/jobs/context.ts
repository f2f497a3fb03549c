// What a builder gets from the runner: the job, its log, its work directory, the abort signal
// (cancel or timeout) and a way to move the job to its next status.
import type { Arch } from "@/lib/arch";
import type { Job } from "@/lib/db";
import { providerOf } from "@/lib/db/provider";
import { env } from "@/lib/env";
import type { Emulation } from "./emulation";
import type { JobLog } from "./job-log";
import type { SandboxSpec } from "./sandbox/bwrap";

import type { JobStatus } from "./statuses";

export { type JobStatus, TERMINAL } from "./statuses";

/** The abort reason of a user's cancel (any other abort is a failure: timeout, a limit). */
export const CANCELLED = "Cancelled by the user";

/** Job types that may run again from the start when their worker is lost or stops (they only fetch and verify). */
export const RETRIED_AFTER_WORKER_LOSS = new Set(["fetch_base_image"]);

/** The abort reason of the jobs a worker runs when it is told to stop (SIGTERM, SIGINT). */
export class WorkerStopping {
  constructor(readonly reason: string) {}
  toString(): string {
    return this.reason;
  }
}

/**
 * Whether a job aborted by its worker's stop goes back to the queue for another worker rather than
 * failing: only on PostgreSQL (SQLite has one worker, which is going away) and only for job types that
 * may run again; a user's script never runs twice.
 */
export function handedBack(jobType: string, signal: AbortSignal): boolean {
  return (
    signal.aborted &&
    signal.reason instanceof WorkerStopping &&
    RETRIED_AFTER_WORKER_LOSS.has(jobType) &&
    providerOf(env().databaseUrl) === "postgresql"
  );
}

/** What every job type gets. */
export type JobContext = {
  job: Job;
  log: JobLog;
  signal: AbortSignal;
  step: (status: JobStatus, message: string) => Promise<void>;
};

export type BuildContext = JobContext & {
  arch: Arch;
  emulation: Emulation;
  log: JobLog;
  /** The job's scratch disk (mounted; its root belongs to the job's mapped root). */
  workDir: string;
  /** How the job's processes are confined (runProcess `sandbox`, with root/scratch set per step). */
  sandbox: Omit<SandboxSpec, "root" | "scratch">;
};

/** A builder returns the id of the image it produced. */
export type Builder = (ctx: BuildContext) => Promise<string>;

/**
 * A job type of the runner: image builds run image content, so they get the sandbox, a scratch disk
 * and (for a foreign arch) emulation; other types (the base-image fetch) run in the console.
 */
export type JobKind = { sandboxed: true; run: Builder } | { sandboxed: false; run: (ctx: JobContext) => Promise<void> };
