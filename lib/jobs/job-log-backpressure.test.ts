// The child's output is paused while the log store falls behind: a real child process writes lines as
// fast as it can while the store cannot take them, and stops making progress, blocked on its full pipe,
// instead of the console buffering its output without bound; once the store catches up it finishes and
// every line is stored, in order. On PostgreSQL the store is held back for real (another connection
// locks the log table); on SQLite that cannot be done without freezing this whole process (its driver is
// synchronous, a locked file blocks the event loop for the busy timeout), so there the inserts into the
// real database wait on a gate instead. Runs on SQLite and, with TEST_PG_ADMIN_URL, on PostgreSQL.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { JobLog } from "./job-log";
import { runProcess } from "./process";

const LINES = 30_000;

// Writes LINES numbered lines with blocking writes, and every 500 lines how far it got to a file.
const WRITER = `
import sys
out = sys.stdout.buffer
pad = b"x" * 100
for i in range(1, ${LINES} + 1):
    out.write(b"%d %s\\n" % (i, pad))
    if i % 500 == 0 or i == ${LINES}:
        out.flush()
        with open(sys.argv[1], "w") as f:
            f.write(str(i))
`;

/** Holds every log insert back until the returned function is called. */
async function holdBackTheStore(): Promise<() => Promise<void>> {
  const url = env().databaseUrl;
  if (providerOf(url) === "sqlite") {
    const lines = db().jobLogLine;
    const insert = lines.createMany;
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => (open = r));
    Object.assign(lines, { createMany: (async (args) => gate.then(() => insert.call(lines, args))) as typeof insert });
    return async () => {
      open();
      Object.assign(lines, { createMany: insert });
    };
  }
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query('BEGIN; LOCK TABLE "JobLogLine" IN ACCESS EXCLUSIVE MODE');
  return async () => {
    await other.query("COMMIT");
    await other.end();
  };
}

const progressOf = (file: string) => {
  try {
    return Number(readFileSync(file, "utf8")) || 0;
  } catch {
    return 0;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("pauses a fast child while the store is behind, then stores all its lines in order", async () => {
  // Running, not queued: on PostgreSQL the queue's supervisor places queued rows and the job engine ran
  // this one beside the test, its log lines taking the test's sequence numbers (CI lost 1,987 lines).
  const job = await db().job.create({
    data: { jobType: "customize", artifactId: randomUUID(), arch: "x86_64", status: "building_image", stepTimes: {} },
  });
  const dir = mkdtempSync(path.join(tmpdir(), "archway-backpressure-"));
  const progress = path.join(dir, "progress");
  const log = await JobLog.open(job.id);

  const unlock = await holdBackTheStore();
  let released = false;
  try {
    const done = runProcess(log, "building", "python3", ["-c", WRITER, progress], {
      cwd: dir,
      signal: new AbortController().signal,
    });
    // The writer gets going, then stalls: the first insert waits for the lock, the lines behind it reach
    // the pause mark, the stream is paused, the pipe fills and the child's write blocks.
    await expect.poll(() => progressOf(progress), { timeout: 10_000 }).toBeGreaterThan(0);
    await sleep(1500);
    const stalled = progressOf(progress);
    await sleep(1500);
    expect(progressOf(progress), "the child made no progress while the store was locked").toBe(stalled);
    // Held at the pause mark (2000 lines) plus what the pipe and the child's own buffer hold, far from done.
    expect(stalled).toBeLessThan(6000);
    console.log(`store locked: the child stopped after ${stalled} of ${LINES} lines`);

    await unlock();
    released = true;
    await done;
    await log.close();
  } finally {
    if (!released) await unlock();
  }
  expect(progressOf(progress)).toBe(LINES);
  const stored = await db().jobLogLine.findMany({ where: { jobId: job.id }, orderBy: { seq: "asc" } });
  expect(stored).toHaveLength(LINES);
  expect(stored.every((l, i) => l.line.startsWith(`${i + 1} `))).toBe(true);
}, 60_000);
