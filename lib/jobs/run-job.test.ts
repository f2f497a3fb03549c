// A job's end is recorded only while the worker that ran it still holds it: a worker taken for dead
// whose jobs another process settled (failed, or queued again) must not overwrite that outcome, nor
// send a second `event: end`, when it stops them. Runs on SQLite and, with TEST_PG_ADMIN_URL, PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { subscribe } from "./log-bus";
import { stopSupervision } from "./queue/supervise";
import { finish } from "./run-job";

const held = (workerId: string | null, status = "building_image") =>
  db().job.create({
    data: { jobType: "customize", artifactId: "x", arch: "x86_64", status, workerId, stepTimes: {} },
  });

async function endsOf(jobId: string, act: () => Promise<void>): Promise<string[]> {
  const ends: string[] = [];
  const stop = subscribe(jobId, (e) => e.type === "end" && ends.push(`${e.status}: ${e.failureReason}`));
  await act();
  stop();
  return ends;
}

// On PostgreSQL the queue's supervisor would place the queued row below and the engine run it.
beforeAll(() => stopSupervision());

describe("finish, by the worker that claimed the job", () => {
  it("records the end while the worker holds the job", async () => {
    const worker = randomUUID();
    const job = await held(worker);
    const ends = await endsOf(job.id, () => finish(job.id, "error", { failureReason: "limit" }, 3, worker));
    expect(ends).toEqual(["error: limit"]);
    expect(await db().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "error",
      failureReason: "limit",
    });
  });

  it("leaves a job another process already failed as it is, with no second end", async () => {
    const worker = randomUUID();
    const job = await held(worker);
    await db().job.update({ where: { id: job.id }, data: { status: "error", failureReason: "stopped responding" } });
    const ends = await endsOf(job.id, () => finish(job.id, "error", { failureReason: "aborted" }, 3, worker));
    expect(ends).toEqual([]);
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).failureReason).toBe("stopped responding");
  });

  it("leaves a job queued again for another worker queued", async () => {
    const worker = randomUUID();
    const job = await held(null, "creating");
    const ends = await endsOf(job.id, () => finish(job.id, "error", { failureReason: "aborted" }, 3, worker));
    expect(ends).toEqual([]);
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("creating");
  });
});
