// A job's log as Server-Sent Events: stored lines after Last-Event-ID first, then live ones as
// they are written (id = seq), a ping every 15 s, `event: end` with the final status. A viewer that
// falls behind stops receiving live lines and catches up from the database when it drains, so it
// never holds memory or slows the job and the other viewers.
//
// Every line goes out exactly once and in order: whatever touches the viewer's position (a catch-up
// from the database, a live batch, the end) runs one at a time, and a live batch that does not follow
// the last line sent (lines published while the viewer lagged) first takes the missing ones from the
// database, which holds every batch before the one being handed out (a job's log stores one at a
// time); a catch-up read first waits for the batch being stored (lib/jobs/log-bus.ts).
import "server-only";
import { db } from "@/lib/db";
import { TERMINAL } from "./context";
import { type BusEvent, type BusLine, sseFrame, storing, subscribe } from "./log-bus";

const PAGE = 1000;
// Queued chunks (a chunk is one batch of lines) before a viewer is left to catch up from the DB.
const MAX_QUEUED = 256;
const PING_MS = 15_000;

const encoder = new TextEncoder();
const frame = (l: BusLine) => encoder.encode(sseFrame(l));
const endFrame = (status: string, failureReason?: string | null) =>
  encoder.encode(`event: end\ndata: ${JSON.stringify({ status, failure_reason: failureReason ?? undefined })}\n\n`);

type Final = { status: string; failureReason?: string | null; lastSeq?: number };

/** A job's stored lines after `after`, before `before` (exclusive) when given, at most `take`. */
export function storedLines(jobId: string, after: number, before?: number, take?: number): Promise<BusLine[]> {
  return db().jobLogLine.findMany({
    where: { jobId, seq: before === undefined ? { gt: after } : { gt: after, lt: before } },
    orderBy: { seq: "asc" },
    take,
  });
}

export function jobLogEventStream(
  jobId: string,
  afterSeq: number,
  step: string | undefined,
  signal: AbortSignal,
  // A parameter so a test can publish lines at the one moment the race needs: between a read's
  // snapshot and its result.
  read: typeof storedLines = storedLines,
): ReadableStream<Uint8Array> {
  let lastSent = afterSeq;
  let lagging = true; // start by catching up from the database
  let ended: Final | null = null;
  let unsubscribe = () => {};
  let ping: NodeJS.Timeout | undefined;
  let closed = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let tail: Promise<unknown> = Promise.resolve();

  const wanted = (l: BusLine) => !step || l.step === step;
  /** Runs tasks one after another, in the order they were handed in. */
  const serial = (task: () => Promise<void> | void): Promise<void> => {
    const run = tail.then(() => (closed ? undefined : task()));
    tail = run.catch((err) => {
      console.error(`[archway] job ${jobId} log stream:`, err);
      close();
    });
    return tail as Promise<void>;
  };

  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(ping);
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };

  // A task that was waiting on the database when the viewer left (or the stream ended) finishes
  // into nothing: enqueueing on a closed stream throws.
  const put = (chunk: Uint8Array) => {
    if (!closed) controller.enqueue(chunk);
  };

  const send = (rows: BusLine[]) => {
    for (const r of rows) {
      if (r.seq <= lastSent) continue;
      lastSent = r.seq;
      if (wanted(r)) put(frame(r));
    }
  };

  /** Stored lines after the last one sent, up to `before` (exclusive); at most `take` of them. */
  const stored = (before: number | undefined, take?: number) => read(jobId, lastSent, before, take);

  const finish = async (final: Final) => {
    // Every line stored before the end; none to read when this viewer already sent the last one.
    if (final.lastSeq === undefined || lastSent < final.lastSeq) send(await stored(undefined));
    put(endFrame(final.status, final.failureReason));
    close();
  };

  const onEvent = async (e: BusEvent) => {
    if (e.type === "end") {
      ended = { status: e.status, failureReason: e.failureReason, lastSeq: e.lastSeq };
      if (!lagging) await finish(ended);
      return;
    }
    if (lagging || !e.lines.length) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED) {
      lagging = true; // the database has everything; pull() resumes from lastSent
      return;
    }
    const first = e.lines[0].seq;
    if (first > lastSent + 1) send(await stored(first));
    // The common case: a viewer of every step that is up to date takes the batch's shared encoding in
    // one piece (one JSON.stringify per line for all viewers together).
    if (!step && first === lastSent + 1) {
      lastSent = e.lines[e.lines.length - 1].seq;
      put(e.frames());
      return;
    }
    send(e.lines);
  };

  /** Ends the stream when the job has ended, even if its end event never reached this process. */
  const finishIfEnded = async () => {
    const job = await db().job.findUnique({ where: { id: jobId }, select: { status: true, failureReason: true } });
    if (job && (TERMINAL as string[]).includes(job.status))
      await finish({ status: job.status, failureReason: job.failureReason });
  };

  const catchUp = async () => {
    if (!lagging) return;
    // A batch handed to viewers before this one listened (or while it lagged) may still be on its way
    // into the database: wait for it, or the read would miss it and nothing would bring it until the
    // job's next batch. Later batches reach this viewer as events.
    await storing(jobId);
    const rows = await stored(undefined, PAGE);
    send(rows);
    if (rows.length === PAGE) return; // more to catch up on; pull runs again when drained
    lagging = false;
    if (ended) return finish(ended);
    await finishIfEnded();
  };

  // With the ping, a live viewer re-reads the job's status: an end announced by another process
  // while this one's notification connection was down still ends the stream within a ping.
  const keepAlive = () => {
    if (closed) return;
    put(encoder.encode(": ping\n\n"));
    if (!lagging && !ended) void serial(finishIfEnded);
  };

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        signal.addEventListener("abort", close, { once: true });
        ping = setInterval(keepAlive, PING_MS);
        unsubscribe = subscribe(jobId, (e: BusEvent) => {
          if (!closed) serial(() => onEvent(e));
        });
      },
      pull() {
        if (closed || !lagging) return;
        return serial(catchUp);
      },
      cancel() {
        closed = true;
        unsubscribe();
        clearInterval(ping);
      },
    },
    { highWaterMark: 64 },
  );
}
