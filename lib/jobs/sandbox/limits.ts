// The job sandbox's settings and the reasons a job fails when it reaches one of its limits.
import "server-only";
import { env } from "@/lib/env";
import type { JobCgroup, Limits } from "./cgroup";
import { scratchFull } from "./scratch";

export const DEFAULT_SCRATCH_GIB = 10;

export type SandboxSettings = Limits & { scratchGiB: number; network: boolean; uidBase: number };

export function sandboxSettings(buildEnvSize: number | null): SandboxSettings {
  const e = env();
  return {
    memoryBytes: e.ARCHWAY_JOB_MEMORY_MIB * 1024 * 1024,
    pids: e.ARCHWAY_JOB_PIDS,
    cpus: e.ARCHWAY_JOB_CPUS,
    scratchGiB: buildEnvSize ?? DEFAULT_SCRATCH_GIB,
    network: e.ARCHWAY_JOB_NETWORK === "allowed",
    uidBase: e.ARCHWAY_JOB_UID_BASE,
  };
}

function size(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return Number.isInteger(gib) ? `${gib} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

export function describeSandbox(s: SandboxSettings): string {
  return `Sandbox: ${size(s.memoryBytes)} memory, ${s.pids.toLocaleString("en")} processes, ${s.cpus} CPUs, ${s.scratchGiB} GiB scratch disk, ${s.network ? "host network (allowed by ARCHWAY_JOB_NETWORK)" : "no network"}`;
}

/** The limit the job ran into, if any: the reason it failed, in the user's terms. */
export function limitReason(s: SandboxSettings, cgroup: JobCgroup | null, scratchDir: string): string | null {
  const hits = cgroup?.hits();
  if (hits?.oomKills) return `The job exceeded its ${size(s.memoryBytes)} memory limit`;
  if (hits?.pidsRefused) return `The job exceeded its ${s.pids.toLocaleString("en")} process limit`;
  if (scratchFull(scratchDir)) return `The job filled its ${s.scratchGiB} GiB scratch disk (build_env_size)`;
  return null;
}
