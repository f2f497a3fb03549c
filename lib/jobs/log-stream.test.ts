// The SSE log under a burst: viewers that connect while thousands of lines are being written (so
// their catch-up from the database races with live batches) each get every line exactly once, in
// order, then `event: end`; a viewer of one step gets that step's lines only.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { JobLog } from "./job-log";
import { linesEvent, publish, publishHere } from "./log-bus";
import { jobLogEventStream, storedLines } from "./log-stream";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ seqs: number[]; end: string | null }> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>)
    text += decoder.decode(chunk, { stream: true });
  const seqs = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
  const end = /event: end\ndata: (.*)\n/.exec(text)?.[1] ?? null;
  return { seqs, end };
}

const newJob = () =>
  db().job.create({
    data: { jobType: "customize", artifactId: "x", arch: "x86_64", status: "building_image", stepTimes: {} },
  });

const row = (jobId: string, seq: number) => ({
  jobId,
  seq,
  step: "build",
  stream: "stdout",
  line: `line ${seq}`,
  time: new Date(),
});

/** Stores lines from..to and publishes them, as JobLog does. */
async function writeAndPublish(jobId: string, from: number, to: number) {
  const rows = Array.from({ length: to - from + 1 }, (_, i) => row(jobId, from + i));
  await db().jobLogLine.createMany({ data: rows });
  publish(jobId, linesEvent(rows.map(({ jobId: _j, ...l }) => l)));
}

describe("job log stream", () => {
  it("sends lines published between its database read and the read's result (the catch-up race)", async () => {
    const job = await newJob();
    await writeAndPublish(job.id, 1, 10);
    let raced = false;
    // The viewer's catch-up reads lines 1-10; before that result is handled, 11-20 are stored and
    // published (a batch committed after the read's snapshot), then 21-30 follow.
    const read: typeof storedLines = async (...args) => {
      const rows = await storedLines(...args);
      if (!raced) {
        raced = true;
        await writeAndPublish(job.id, 11, 20);
      }
      return rows;
    };
    const viewer = readAll(jobLogEventStream(job.id, 0, undefined, new AbortController().signal, read));
    await new Promise((r) => setTimeout(r, 200));
    await writeAndPublish(job.id, 21, 30);
    await db().job.update({ where: { id: job.id }, data: { status: "success" } });
    publish(job.id, { type: "end", status: "success" });
    const { seqs } = await viewer;
    expect(raced).toBe(true);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("ends a viewer that sent the end's last line without reading the database; one behind reads the rest", async () => {
    const job = await newJob();
    await writeAndPublish(job.id, 1, 10);
    let reads = 0;
    const read: typeof storedLines = (...args) => (reads++, storedLines(...args));
    const upToDate = readAll(jobLogEventStream(job.id, 0, undefined, new AbortController().signal, read));
    await new Promise((r) => setTimeout(r, 200)); // caught up: one read
    await writeAndPublish(job.id, 11, 20);
    await db().job.update({ where: { id: job.id }, data: { status: "success" } });
    publish(job.id, { type: "end", status: "success", lastSeq: 20 });
    expect((await upToDate).seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(reads).toBe(1);

    // Lines 21-25 stored but their batch never reached this process: the end names 25, so it reads.
    const other = await newJob();
    await writeAndPublish(other.id, 1, 5);
    reads = 0;
    const behind = readAll(jobLogEventStream(other.id, 0, undefined, new AbortController().signal, read));
    await new Promise((r) => setTimeout(r, 200));
    await db().jobLogLine.createMany({ data: [6, 7, 8].map((seq) => row(other.id, seq)) });
    await db().job.update({ where: { id: other.id }, data: { status: "success" } });
    publish(other.id, { type: "end", status: "success", lastSeq: 8 });
    expect((await behind).seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reads).toBe(2);
  });

  it("a viewer joining while a handed-out batch is still being stored gets it without waiting for the next one", async () => {
    const job = await newJob();
    await writeAndPublish(job.id, 1, 5);
    const batch = [6, 7, 8, 9, 10].map((seq) => row(job.id, seq));
    let stored = () => {};
    // Handed to viewers (none yet), then stored 200 ms later: the viewer's catch-up read must wait for it.
    publishHere(job.id, linesEvent(batch.map(({ jobId: _j, ...l }) => l)), new Promise<void>((r) => (stored = r)));
    const stream = jobLogEventStream(job.id, 0, undefined, new AbortController().signal);
    setTimeout(async () => {
      await db().jobLogLine.createMany({ data: batch });
      stored();
    }, 200);
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const deadline = Date.now() + 3000;
    while (!text.includes("id: 10\n") && Date.now() < deadline) {
      const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 500))]);
      if (next && !next.done) text += decoder.decode(next.value, { stream: true });
    }
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await reader.cancel();
  });

  it("a viewer that leaves while its catch-up read is in flight ends quietly when the read returns", async () => {
    const job = await newJob();
    await writeAndPublish(job.id, 1, 10);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reading!: () => void;
    const started = new Promise<void>((r) => (reading = r));
    const read: typeof storedLines = async (...args) => {
      const rows = await storedLines(...args);
      reading();
      await held; // the viewer goes away here
      return rows;
    };
    const errors = vi.spyOn(console, "error");
    try {
      const reader = jobLogEventStream(job.id, 0, undefined, new AbortController().signal, read).getReader();
      const first = reader.read();
      await started;
      await reader.cancel();
      release();
      expect((await first).done).toBe(true);
      await new Promise((r) => setTimeout(r, 50)); // the read's result is handled after this
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("gives viewers that join mid-burst every line exactly once, in order", async () => {
    const job = await newJob();
    const log = await JobLog.open(job.id);
    const LINES = 3_000;
    const viewers: Promise<{ seqs: number[]; end: string | null }>[] = [];
    const steps: Promise<{ seqs: number[]; end: string | null }>[] = [];
    const writing = (async () => {
      for (let i = 1; i <= LINES; i++) {
        // Unawaited most of the time: lines pile up and go in batches while viewers join.
        const written = log.line(i % 2 ? "build" : "pack", `line ${i}`);
        if (i % 300 === 0) {
          viewers.push(readAll(jobLogEventStream(job.id, 0, undefined, new AbortController().signal)));
          steps.push(readAll(jobLogEventStream(job.id, 0, "pack", new AbortController().signal)));
          await written;
        }
        if (i % 97 === 0) await new Promise((r) => setImmediate(r));
      }
      await log.flush();
    })();
    await writing;
    await db().job.update({ where: { id: job.id }, data: { status: "success" } });
    publish(job.id, { type: "end", status: "success" });
    const all = Array.from({ length: LINES }, (_, i) => i + 1);
    const results = await Promise.all(viewers);
    expect(results.length).toBe(LINES / 300);
    for (const r of results) {
      expect(r.seqs).toEqual(all);
      expect(JSON.parse(r.end!)).toEqual({ status: "success" });
    }
    const even = all.filter((s) => s % 2 === 0);
    for (const r of await Promise.all(steps)) expect(r.seqs).toEqual(even);
  }, 120_000);
});
