// Test helpers that look at a job's sandbox from the host: its processes (by its cgroup) and their uids.
import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { scopeDirs } from "@/lib/jobs/sandbox/cgroup";

/** The host pids of the processes in a job's cgroup, now. */
export function sandboxPids(jobId: string): number[] {
  const pids = scopeDirs(env().dataDir).flatMap((d) => {
    try {
      return readFileSync(path.join(d, jobId, "cgroup.procs"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  });
  return [...new Set(pids)];
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/** Real uid of a host process, or null once it is gone. */
export function hostUid(pid: number): number | null {
  try {
    return Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  } catch {
    return null;
  }
}
