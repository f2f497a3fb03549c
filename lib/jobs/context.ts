// What a builder gets from the runner: the job, its log, its work directory, the abort signal
// (cancel or timeout) and a way to move the job to its next status.
import type { Arch } from "@/lib/arch";
import type { Job } from "@/lib/db";
import type { Emulation } from "./emulation";
import type { JobLog } from "./job-log";
import type { SandboxSpec } from "./sandbox/bwrap";

export type JobStatus =
  | "creating"
  | "fetching_image"
  | "fetching_recipe"
  | "waiting_for_repos"
  | "building_image"
  | "packaging_artifacts"
  | "waiting_on_user"
  | "error"
  | "success"
  | "cancelled";
export const TERMINAL: JobStatus[] = ["error", "success", "cancelled"];

export type BuildContext = {
  job: Job;
  arch: Arch;
  emulation: Emulation;
  log: JobLog;
  /** The job's scratch disk (mounted; its root belongs to the job's mapped root). */
  workDir: string;
  /** How the job's processes are confined (runProcess `sandbox`, with root/scratch set per step). */
  sandbox: Omit<SandboxSpec, "root" | "scratch">;
  signal: AbortSignal;
  step: (status: JobStatus, message: string) => Promise<void>;
};

/** A builder returns the id of the image it produced. */
export type Builder = (ctx: BuildContext) => Promise<string>;
