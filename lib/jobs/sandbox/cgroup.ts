// One cgroup per job for its memory, process and CPU limits, on cgroup v2 or the v1 memory, pids
// and cpu hierarchies (hybrid hosts), under a parent named for this data directory so that start-up
// finds and kills what a dead server of the same data directory left behind, and nothing else.
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

const ROOT = "/sys/fs/cgroup";
const V1 = ["memory", "pids", "cpu"] as const;

export type Limits = { memoryBytes: number; pids: number; cpus: number };
/** What the kernel counted: processes the OOM killer ended, forks refused at the pids limit. */
export type LimitHits = { oomKills: number; pidsRefused: number };

const isV2 = () => existsSync(path.join(ROOT, "cgroup.controllers"));

/** The parent cgroup directories of this data directory's jobs (one on v2, one per controller on v1). */
export function scopeDirs(dataDir: string): string[] {
  const scope = `archway-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`;
  return isV2() ? [path.join(ROOT, scope)] : V1.map((c) => path.join(ROOT, c, scope));
}

function counter(file: string, key: string): number {
  try {
    const m = new RegExp(`^${key} (\\d+)$`, "m").exec(readFileSync(file, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function procs(dir: string): number[] {
  try {
    return readFileSync(path.join(dir, "cgroup.procs"), "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export class JobCgroup {
  private constructor(
    readonly dirs: string[],
    private readonly v2: boolean,
  ) {}

  static async create(dataDir: string, name: string, limits: Limits): Promise<JobCgroup> {
    const v2 = isV2();
    const scopes = scopeDirs(dataDir);
    const dirs = scopes.map((s) => path.join(s, name));
    for (const d of dirs) await mkdir(d, { recursive: true });
    const cg = new JobCgroup(dirs, v2);
    const period = 100_000;
    const quota = Math.round(limits.cpus * period);
    if (v2) {
      // Controllers must be enabled in every ancestor's subtree_control for the leaf to get them.
      for (const d of [ROOT, scopes[0]]) writeFileSync(path.join(d, "cgroup.subtree_control"), "+memory +pids +cpu");
      cg.write("memory.max", String(limits.memoryBytes));
      cg.write("memory.swap.max", "0", true);
      cg.write("pids.max", String(limits.pids));
      cg.write("cpu.max", `${quota} ${period}`);
    } else {
      cg.write("memory.limit_in_bytes", String(limits.memoryBytes));
      cg.write("memory.memsw.limit_in_bytes", String(limits.memoryBytes), true);
      cg.write("pids.max", String(limits.pids));
      cg.write("cpu.cfs_period_us", String(period));
      cg.write("cpu.cfs_quota_us", String(quota));
    }
    // The console's own work (live logs, downloads, polls) comes first when jobs and the console
    // compete for the CPU: a weight only counts against siblings, so it is set on the parent of all
    // jobs, which competes with the console's cgroup (each job within it keeps an equal share).
    const cpuScope = v2 ? scopes[0] : scopes[V1.indexOf("cpu")];
    try {
      writeFileSync(path.join(cpuScope, v2 ? "cpu.weight" : "cpu.shares"), v2 ? "10" : "102");
    } catch {
      // a delegated hierarchy may not let us weigh the parent; the limits above still hold
    }
    return cg;
  }

  private write(file: string, value: string, optional = false): void {
    const dir = this.dirs.find((d) => existsSync(path.join(d, file)));
    if (!dir) {
      if (optional) return;
      throw new Error(`cgroup file ${file} is missing under ${this.dirs.join(", ")}`);
    }
    try {
      writeFileSync(path.join(dir, file), value);
    } catch (err) {
      if (!optional) throw err;
    }
  }

  /** Moves a process (and so its future children) into this cgroup. */
  join(pid: number): void {
    for (const d of this.dirs) writeFileSync(path.join(d, "cgroup.procs"), String(pid));
  }

  pids(): number[] {
    return [...new Set(this.dirs.flatMap(procs))];
  }

  /** SIGKILLs every process in the cgroup now (cancel, timeout, a limit hit). */
  killAll(): void {
    for (const pid of this.pids()) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone already
      }
    }
  }

  hits(): LimitHits {
    const find = (file: string) => this.dirs.map((d) => path.join(d, file)).find(existsSync) ?? "";
    return {
      oomKills: counter(find(this.v2 ? "memory.events" : "memory.oom_control"), "oom_kill"),
      pidsRefused: counter(find("pids.events"), "max"),
    };
  }

  /** SIGKILLs every process in the cgroup and removes it. */
  async destroy(): Promise<void> {
    await killAndRemove(this.dirs);
  }
}

async function killAndRemove(dirs: string[]): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const v2kill = dirs.map((d) => path.join(d, "cgroup.kill")).find(existsSync);
    if (v2kill) writeFileSync(v2kill, "1");
    const left = [...new Set(dirs.flatMap(procs))];
    for (const pid of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone already
      }
    }
    let removed = true;
    for (const d of dirs) {
      try {
        if (existsSync(d)) rmdirSync(d);
      } catch {
        removed = false; // still has (dying) processes
      }
    }
    if (removed) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Could not empty the job cgroup ${dirs[0]}`);
}

/** Kills and removes the cgroups of jobs not in `keep` (start-up: a previous server's jobs). Returns their names. */
export async function reapCgroups(dataDir: string, keep: Set<string> = new Set()): Promise<string[]> {
  const scopes = scopeDirs(dataDir).filter(existsSync);
  const names = new Set(
    scopes.flatMap((s) =>
      readdirSync(s, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name),
    ),
  );
  const reaped: string[] = [];
  for (const name of names) {
    if (keep.has(name)) continue;
    await killAndRemove(scopes.map((s) => path.join(s, name)));
    reaped.push(name);
  }
  return reaped;
}
