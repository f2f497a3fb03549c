// A job's log as Server-Sent Events: stored lines after Last-Event-ID first, then live ones as
// they are written (id = seq), a ping every 15 s, `event: end` with the final status. A viewer that
// falls behind stops receiving live lines and catches up from the database when it drains, so it
// never holds memory or slows the job and the other viewers.
import "server-only";
import { db } from "@/lib/db";
import { TERMINAL } from "./context";
import { type BusEvent, type BusLine, sseFrame, subscribe } from "./log-bus";

const PAGE = 1000;
// Queued chunks (a chunk is one batch of lines) before a viewer is left to catch up from the DB.
const MAX_QUEUED = 256;
const PING_MS = 15_000;

const encoder = new TextEncoder();
const frame = (l: BusLine) => encoder.encode(sseFrame(l));
const endFrame = (status: string, failureReason?: string | null) =>
  encoder.encode(`event: end\ndata: ${JSON.stringify({ status, failure_reason: failureReason ?? undefined })}\n\n`);

export function jobLogEventStream(
  jobId: string,
  afterSeq: number,
  step: string | undefined,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  let lastSent = afterSeq;
  let lagging = true; // start by catching up from the database
  let ended: { status: string; failureReason?: string | null } | null = null;
  let unsubscribe = () => {};
  let ping: NodeJS.Timeout | undefined;
  let closed = false;

  const wanted = (l: BusLine) => !step || l.step === step;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
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
        signal.addEventListener("abort", close, { once: true });
        ping = setInterval(() => !closed && controller.enqueue(encoder.encode(": ping\n\n")), PING_MS);
        unsubscribe = subscribe(jobId, (e: BusEvent) => {
          if (closed) return;
          if (e.type === "end") {
            ended = { status: e.status, failureReason: e.failureReason };
            if (!lagging) {
              controller.enqueue(endFrame(e.status, e.failureReason));
              close();
            }
            return;
          }
          if (lagging) return;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED) {
            lagging = true; // the database has everything; pull() resumes from lastSent
            return;
          }
          // The common case: a viewer of every step that is up to date takes the batch's shared
          // encoding in one piece (one JSON.stringify per line for all viewers together).
          if (!step && e.lines[0] && e.lines[0].seq > lastSent) {
            lastSent = e.lines[e.lines.length - 1].seq;
            controller.enqueue(e.frames());
            return;
          }
          for (const l of e.lines) {
            if (l.seq <= lastSent) continue;
            lastSent = l.seq;
            if (wanted(l)) controller.enqueue(frame(l));
          }
        });
      },
      async pull(controller) {
        if (closed || !lagging) return;
        const rows = await db().jobLogLine.findMany({
          where: { jobId, seq: { gt: lastSent } },
          orderBy: { seq: "asc" },
          take: PAGE,
        });
        for (const r of rows) {
          lastSent = r.seq;
          if (wanted(r)) controller.enqueue(frame(r));
        }
        if (rows.length === PAGE) return; // more to catch up on; pull runs again when drained
        lagging = false;
        const job = await db().job.findUnique({ where: { id: jobId }, select: { status: true, failureReason: true } });
        const final =
          ended ??
          (job && (TERMINAL as string[]).includes(job.status)
            ? { status: job.status, failureReason: job.failureReason }
            : null);
        if (final) {
          // Lines written between the query and now are already in the database: send them first.
          const rest = await db().jobLogLine.findMany({
            where: { jobId, seq: { gt: lastSent } },
            orderBy: { seq: "asc" },
          });
          for (const r of rest) if (wanted(r)) controller.enqueue(frame(r));
          controller.enqueue(endFrame(final.status, final.failureReason));
          closed = true;
          unsubscribe();
          clearInterval(ping);
          controller.close();
        }
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
