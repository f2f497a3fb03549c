// The reaper against a real database (and on PostgreSQL the real graphile-worker queue): a silent
// worker is stopped once however many processes reap at once; its script jobs fail with the reason
// and end their viewers' streams, its base-image fetches are queued again, its queue locks are
// released; a live worker's jobs are never touched.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { testProvider } from "@/test/databases";
import { subscribe } from "../log-bus";
import { enqueue, queueUtils } from "../queue/graphile";
import { stopLocalWorker } from "./local";
import { reap } from "./reaper";
import { DEAD_AFTER_MS } from "./registry";

const onPg = testProvider() === "postgresql";

const worker = (name: string, heartbeatAt: Date, queueIds: string[] = []) =>
  db().worker.create({
    data: {
      name,
      hostname: "rack-7",
      dataDir: `/nowhere/${name}`,
      nativeArch: "x86_64",
      emulates: [],
      slots: 2,
      queueIds,
      heartbeatAt,
    },
  });

const claimed = (workerId: string, jobType: string, status = "building_image") =>
  db().job.create({
    data: { jobType, artifactId: "1", arch: "x86_64", status, workerId, startedAt: new Date(), stepTimes: {} },
  });

beforeAll(async () => {
  await stopLocalWorker();
  await db().worker.updateMany({ where: { stoppedAt: null }, data: { stoppedAt: new Date() } });
});

describe("reap", () => {
  it("fails a dead worker's script jobs with the reason (once, with event: end) and leaves a live worker's alone", async () => {
    const dead = await worker(`dead-${randomUUID().slice(0, 4)}`, new Date(Date.now() - DEAD_AFTER_MS - 5000));
    const live = await worker("live", new Date());
    const lost = await claimed(dead.id, "customize");
    const kept = await claimed(live.id, "customize");
    const ends: string[] = [];
    const stop = subscribe(lost.id, (e) => e.type === "end" && ends.push(`${e.status}: ${e.failureReason}`));
    // Three processes reaping at the same moment.
    const passes = await Promise.all([reap(), reap(), reap()]);
    stop();
    const reason = `worker ${dead.name} on rack-7 stopped responding`;
    expect(passes.flatMap((p) => p.stopped.map((w) => w.id))).toEqual([dead.id]);
    expect(passes.flatMap((p) => p.failed)).toEqual([lost.id]);
    expect(ends).toEqual([`error: ${reason}`]);
    expect(await db().job.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      status: "error",
      failureReason: reason,
      finishedAt: expect.any(Date),
    });
    expect((await db().job.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe("building_image");
    expect((await db().worker.findUniqueOrThrow({ where: { id: live.id } })).stoppedAt).toBeNull();
    const log = await db().jobLogLine.findMany({ where: { jobId: lost.id } });
    expect(log.map((l) => l.line)).toContain(reason);
  });

  it("a worker that sent a heartbeat since it was read is not stopped", async () => {
    const w = await worker("slow", new Date(Date.now() - DEAD_AFTER_MS - 5000));
    await db().worker.update({ where: { id: w.id }, data: { heartbeatAt: new Date() } });
    const pass = await reap();
    expect(pass.stopped.map((s) => s.id)).not.toContain(w.id);
  });
});

describe.skipIf(!onPg)("reap on the PostgreSQL queue", () => {
  const lockAs = async (jobId: string, queueWorker: string) =>
    (await queueUtils()).withPgClient((c) =>
      c.query(
        "update graphile_worker._private_jobs set locked_at = now(), locked_by = $2, attempts = 1 where key = $1",
        [jobId, queueWorker],
      ),
    );
  const queueRow = async (jobId: string) => {
    const { rows } = await (await queueUtils()).withPgClient((c) =>
      c.query<{ task_identifier: string; locked_by: string | null; attempts: number }>(
        "select task_identifier, locked_by, attempts from graphile_worker.jobs where key = $1",
        [jobId],
      ),
    );
    return rows;
  };

  it("releases the dead worker's queue locks, re-queues its fetch and drops its failed job from the queue", async () => {
    const queueId = `worker-test-${randomUUID().slice(0, 6)}`;
    const dead = await worker("dead-q", new Date(Date.now() - DEAD_AFTER_MS - 5000), [queueId]);
    await worker("live-q", new Date());
    const fetch = await claimed(dead.id, "fetch_base_image", "fetching_image");
    const script = await claimed(dead.id, "create");
    await enqueue(fetch.id, "any");
    await enqueue(script.id, "native:x86_64");
    await lockAs(fetch.id, queueId);
    await lockAs(script.id, queueId);

    const { failed, requeued } = await reap();
    expect(failed).toEqual([script.id]);
    expect(requeued).toEqual([fetch.id]);
    expect(await db().job.findUniqueOrThrow({ where: { id: fetch.id } })).toMatchObject({
      status: "creating",
      workerId: null,
      placement: "any",
    });
    expect(await queueRow(fetch.id)).toEqual([{ task_identifier: "job:any", locked_by: null, attempts: 0 }]);
    expect(await queueRow(script.id)).toEqual([]);
  });
});
