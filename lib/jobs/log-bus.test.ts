// Live logs across processes: on PostgreSQL a batch or end announced by another process (another
// connection NOTIFYing, as a worker on another machine does) reaches this process's viewers, read
// from the database; the process's own announcements are not relayed twice.
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { testProvider } from "@/test/databases";
import { type BusEvent, followOtherProcesses, linesEvent, publish, subscribe } from "./log-bus";
import { jobLogEventStream } from "./log-stream";

const onPostgres = testProvider() === "postgresql";

describe.skipIf(!onPostgres)("job log bus across processes (PostgreSQL)", () => {
  let other: Client;
  beforeAll(async () => {
    other = new Client({ connectionString: env().databaseUrl });
    await other.connect();
    await followOtherProcesses();
  });
  afterAll(async () => {
    await other.end();
  });

  const announce = (note: object) =>
    other.query("SELECT pg_notify('archway_job_log', $1)", [JSON.stringify({ ...note, from: "another-process" })]);

  const newJob = () =>
    db().job.create({
      data: { jobType: "customize", artifactId: "x", arch: "aarch64", status: "building_image", stepTimes: {} },
    });

  it("streams another process's lines and end to a viewer here, each line once, in order", async () => {
    const job = await newJob();
    const viewer = jobLogEventStream(job.id, 0, undefined, new AbortController().signal);
    const reading = new Response(viewer).text();
    await new Promise((r) => setTimeout(r, 200)); // the viewer has caught up and is live
    for (let batch = 0; batch < 5; batch++) {
      const rows = Array.from({ length: 20 }, (_, i) => ({
        jobId: job.id,
        seq: batch * 20 + i + 1,
        step: "build",
        stream: "stdout",
        line: `remote ${batch * 20 + i + 1}`,
        time: new Date(),
      }));
      await db().jobLogLine.createMany({ data: rows });
      await announce({ job: job.id, first: rows[0].seq, last: rows.at(-1)!.seq });
    }
    await db().job.update({ where: { id: job.id }, data: { status: "success", finishedAt: new Date() } });
    await announce({ job: job.id, end: { status: "success" } });
    const text = await reading;
    const seqs = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(text).toContain('event: end\ndata: {"status":"success"}');
  });

  it("relays a batch once to all its viewers and ignores its own announcements", async () => {
    const job = await newJob();
    const seen: BusEvent[] = [];
    const off = subscribe(job.id, (e) => seen.push(e));
    const row = { seq: 1, step: "build", stream: "stdout", line: "local", time: new Date() };
    await db().jobLogLine.create({ data: { jobId: job.id, ...row } });
    publish(job.id, linesEvent([row])); // this process's own batch: delivered locally, not relayed back
    await db().jobLogLine.create({ data: { jobId: job.id, ...row, seq: 2, line: "remote" } });
    await announce({ job: job.id, first: 2, last: 2 });
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    off();
    const lines = seen.flatMap((e) => (e.type === "lines" ? e.lines.map((l) => l.line) : []));
    expect(lines).toEqual(["local", "remote"]);
  });
});
