// A worker told to stop, against a real database and a real download: the base-image fetch it runs
// stops at once; on PostgreSQL it goes back to the queue (the image stays "fetching") and the next
// worker takes it, on SQLite it fails as interrupted (the next start fetches it again); the worker's
// row is stopped with the signal, and a job delivered after the stop is not started.
import { afterAll, beforeAll, expect, it } from "vitest";
import { baseImageFor, startFetch } from "@/lib/base-images/service";
import { db } from "@/lib/db";
import { testProvider } from "@/test/databases";
import { type DribblingSource, dribblingSource } from "@/test/dribbling-source";
import { superviseOnce } from "../queue/supervise";
import { executor } from "../runner";
import { localWorkerId, startLocalWorker } from "./local";
import { stopWorkerHere } from "./stop";

const onPg = testProvider() === "postgresql";

let source: DribblingSource;
beforeAll(async () => {
  source = await dribblingSource();
});
afterAll(() => source.close());

it("stops the fetch it runs at once, hands it on as the database allows, and stops its own row", async () => {
  const bi = await baseImageFor(source.url, "x86_64");
  const { jobId } = await startFetch(bi.id);
  await expect.poll(source.served, { timeout: 20_000 }).toBeGreaterThan(0);
  const me = localWorkerId()!;
  const worker = await db().worker.findUniqueOrThrow({ where: { id: me } });

  const t = Date.now();
  await stopWorkerHere("SIGTERM");
  console.log(`stopWorkerHere with a fetch running: ${Date.now() - t} ms`);
  expect(Date.now() - t).toBeLessThan(5_000);
  const reason = `Worker ${worker.name} on ${worker.hostname} was stopped (SIGTERM) while this job ran`;

  // The download stopped with it.
  const after = source.served();
  await new Promise((r) => setTimeout(r, 300));
  expect(source.served() - after).toBeLessThanOrEqual(65536);
  expect(await db().worker.findUniqueOrThrow({ where: { id: me } })).toMatchObject({
    stoppedAt: expect.any(Date),
    stopReason: "stopped by SIGTERM",
  });
  const log = (await db().jobLogLine.findMany({ where: { jobId }, orderBy: { seq: "asc" } })).map((l) => l.line);
  if (onPg) {
    // Back in the queue, waiting for a worker (this was the only one); the image is still being fetched.
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "creating",
      workerId: null,
      placement: null,
      waitingReason: "Waiting: no live worker",
    });
    expect(await db().baseImage.findUniqueOrThrow({ where: { id: bi.id } })).toMatchObject({
      status: "fetching",
      jobId,
    });
    expect(log.at(-1)).toBe(`${reason}; queued again for another worker`);
    // The next worker to start takes it, once a supervising process (any process, every few seconds)
    // places the waiting jobs on the live workers.
    const next = await startLocalWorker();
    await superviseOnce();
    await expect
      .poll(async () => (await db().job.findUniqueOrThrow({ where: { id: jobId } })).workerId, { timeout: 20_000 })
      .toBe(next.id);
    await executor().cancel(jobId);
    await expect
      .poll(async () => (await db().job.findUniqueOrThrow({ where: { id: jobId } })).status, { timeout: 20_000 })
      .toBe("cancelled");
  } else {
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "error",
      failureReason: reason,
    });
    // Interrupted, which the next start fetches again (lib/base-images/heal.ts).
    expect(await db().baseImage.findUniqueOrThrow({ where: { id: bi.id } })).toMatchObject({
      status: "failed",
      failureKind: "interrupted",
    });
    expect(log.at(-1)).toBe(reason);
    // Submitted after the stop: left queued for the next start.
    const later = await db().job.create({
      data: { jobType: "customize", artifactId: "x", arch: "x86_64", stepTimes: {} },
    });
    executor().submit(later.id);
    await new Promise((r) => setTimeout(r, 500));
    expect((await db().job.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("creating");
    await db().job.delete({ where: { id: later.id } });
  }
}, 60_000);
