// A job's scratch disk: a sparse ext4 image of build_env_size GiB (data/jobs/<id>.img) loop-mounted
// (nodev, nosuid) as its work directory, so a job that fills it gets ENOSPC instead of filling the
// host's disk, and its size costs only what is written. The mount points live under
// /run/archway-jobs-<data dir hash> (0711), which the sandbox's unprivileged uid can pass through
// while data/ stays closed to it.
import "server-only";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statfsSync } from "node:fs";
import { chmod, mkdir, open, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const GiB = 1024 ** 3;

export type Scratch = { dir: string; img: string };

/** Where this data directory's job scratch disks are mounted. */
export function scratchRoot(dataDir: string): string {
  return `/run/archway-jobs-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`;
}

export function scratchOf(dataDir: string, jobId: string): Scratch {
  return { dir: path.join(scratchRoot(dataDir), jobId), img: path.join(dataDir, "jobs", `${jobId}.img`) };
}

/** Creates and mounts the scratch disk; its root belongs to the job's mapped root (`owner`). */
export async function mountScratch({ dir, img }: Scratch, sizeGiB: number, owner: number): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  await chmod(path.dirname(dir), 0o711);
  await mkdir(dir, { recursive: true });
  await mkdir(path.dirname(img), { recursive: true });
  const fh = await open(img, "w");
  await fh.truncate(sizeGiB * GiB);
  await fh.close();
  try {
    await run("mkfs.ext4", ["-q", "-F", "-m", "0", "-E", `root_owner=${owner}:${owner},nodiscard`, img]);
    // Direct I/O: the job's writes do not pile up as dirty pages in the host's page cache (whose
    // writeback would stall the console's own database syncs); its cache is its own, in its cgroup.
    const { stdout } = await run("losetup", ["--find", "--show", "--direct-io=on", img]);
    const dev = stdout.trim();
    try {
      await run("mount", ["-o", "nodev,nosuid,noatime", dev, dir]);
    } finally {
      // Detaching a mounted loop device marks it to go when it is unmounted (autoclear).
      await run("losetup", ["-d", dev]).catch(() => {});
    }
  } catch (err) {
    await rm(img, { force: true });
    const msg = ((err as { stderr?: string }).stderr || (err as Error).message).trim().split("\n")[0];
    throw new Error(`The job's ${sizeGiB} GiB scratch disk could not be made (${msg}); the console must run as root`);
  }
}

/** Mount points under `parent` (from this process's mount table). */
export function mountsUnder(parent: string): string[] {
  return readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((l) => l.split(" ")[4])
    .filter((p): p is string => !!p && p.startsWith(`${parent}/`))
    .map((p) => p.replace(/\\040/g, " "));
}

/** Unmounts (lazily if something still holds it) and deletes the scratch disk and its directory. */
export async function removeScratch({ dir, img }: Scratch): Promise<void> {
  if (mountsUnder(path.dirname(dir)).includes(dir)) await run("umount", [dir]).catch(() => run("umount", ["-l", dir]));
  await rm(dir, { recursive: true, force: true });
  await rm(img, { force: true });
}

/** True when the scratch disk has (almost) no room left: the reason a job's write failed. */
export function scratchFull(dir: string): boolean {
  if (!existsSync(dir)) return false;
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize < 4 * 1024 * 1024;
  } catch {
    return false;
  }
}
