// Files are built under a temp name in their final directory and renamed into place when complete,
// so a crash leaves the old file or nothing under the final name. Temp names carry the writer's pid:
// start-up removes those of processes that are gone, and never touches a live writer's.
import { randomBytes } from "node:crypto";
import { mkdtemp, open, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// `<final>.part-<pid>-<random>`: download.ts used this shape before the helper existed.
const PARTIAL = /\.part-(\d+)-[0-9a-z]+$/;
const WORK_DIR = /^archway-sample-[a-z]+-(\d+)-/;
const OLD_SAMPLE_PARTIAL = /^\..+\.(\d+)-[0-9a-f]+\.partial$/; // sample-iso.ts's name before this helper

/** A fresh temp name next to `final` (same directory, so the rename is atomic). */
export function partialPath(final: string): string {
  return `${final}.part-${process.pid}-${randomBytes(6).toString("hex")}`;
}

/** The rename only makes a file durable if its bytes reached the disk first. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Builds the file `final` through `build(tmp)` and renames it into place only if `build` resolves. */
export async function replaceAtomically<T>(final: string, build: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = partialPath(final);
  try {
    const result = await build(tmp);
    await syncFile(tmp);
    await rename(tmp, final);
    return result;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A scratch directory under the OS tmpdir that start-up can tell belongs to this process. */
export function makeWorkDir(kind: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `archway-sample-${kind}-${process.pid}-`));
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/** The writer's pid when `name` is a temp file or work dir of ours whose process is gone, else null. */
export function deadOwner(name: string): number | null {
  const m = PARTIAL.exec(name) ?? WORK_DIR.exec(name) ?? OLD_SAMPLE_PARTIAL.exec(name);
  if (!m) return null;
  const pid = Number(m[1]);
  return alive(pid) ? null : pid;
}
