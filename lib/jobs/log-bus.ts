// Fan-out of job log lines and job ends to live viewers (SSE). In the process running the job a batch
// reaches its viewers as it is handed to the database (a commit can take tens of milliseconds while
// a build writes to disk); a viewer that catches up from the database first waits for the one batch
// being stored (`storing`). On PostgreSQL every stored batch and end is also announced with NOTIFY
// (first and last seq, not the lines), and each other process with viewers of that job reads the
// batch from the database once and hands it to all of them, so a viewer on one web replica follows a
// job that a worker on another machine runs.
import "server-only";
import { EventEmitter } from "node:events";
import { db } from "@/lib/db";
import { listen, notify, PROCESS_ID } from "@/lib/db/notify";
import { providerOf } from "@/lib/db/provider";
import { env } from "@/lib/env";

export type BusLine = { seq: number; step: string; stream: string; line: string; time: Date };
/**
 * `frames` is the SSE encoding of all the lines, made once per batch and shared by every viewer. An
 * end's `lastSeq` (when the runner knows it) is the job's last stored line: a viewer that already sent
 * it ends without reading the database (100 viewers reading at once delayed the last lines' writes).
 */
export type BusEvent =
  | { type: "lines"; lines: BusLine[]; frames: () => Uint8Array }
  | { type: "end"; status: string; failureReason?: string | null; lastSeq?: number };

const encoder = new TextEncoder();

export function sseFrame(l: BusLine): string {
  return `id: ${l.seq}\ndata: ${JSON.stringify({ seq: l.seq, step: l.step, stream: l.stream, time: l.time, line: l.line })}\n\n`;
}

/** A lines event whose encoding is computed on first use, then reused. */
export function linesEvent(lines: BusLine[]): BusEvent {
  let encoded: Uint8Array | undefined;
  return { type: "lines", lines, frames: () => (encoded ??= encoder.encode(lines.map(sseFrame).join(""))) };
}

const CHANNEL = "archway_job_log";

type Announcement =
  | { job: string; first: number; last: number }
  | { job: string; end: { status: string; failureReason?: string | null; lastSeq?: number } };

type Bridge = { tails: Map<string, Promise<void>>; listening?: Promise<unknown> };
const globalBus = globalThis as unknown as { archwayLogBus?: EventEmitter; archwayLogBridge?: Bridge };
const bus = (globalBus.archwayLogBus ??= new EventEmitter().setMaxListeners(0));
// Per job, the batch handed to viewers and not yet stored (a job's log stores one batch at a time).
const unstored = new Map<string, Promise<void>>();
const bridge: Bridge = (globalBus.archwayLogBridge ??= { tails: new Map() });

const shared = () => providerOf(env().databaseUrl) === "postgresql";

/** To this process's viewers and, on PostgreSQL, every other process's (lines must be stored). */
export function publish(jobId: string, event: BusEvent): void {
  bus.emit(jobId, event);
  announce(jobId, event);
}

/** To this process's viewers only, while the batch is being stored; `stored` resolves once it is. */
export function publishHere(jobId: string, event: BusEvent, stored: Promise<void>): void {
  unstored.set(jobId, stored);
  void stored.finally(() => {
    if (unstored.get(jobId) === stored) unstored.delete(jobId);
  });
  bus.emit(jobId, event);
}

/** Resolves once the batch of this job handed to viewers but not stored yet (if any) is stored. */
export function storing(jobId: string): Promise<void> | undefined {
  return unstored.get(jobId);
}

/** Tells the other processes (on PostgreSQL) of a stored batch or an end. */
export function announce(jobId: string, event: BusEvent): void {
  if (!shared()) return;
  const note: Announcement =
    event.type === "end"
      ? { job: jobId, end: { status: event.status, failureReason: event.failureReason, lastSeq: event.lastSeq } }
      : { job: jobId, first: event.lines[0]?.seq ?? 0, last: event.lines.at(-1)?.seq ?? 0 };
  if (event.type === "lines" && !event.lines.length) return;
  notify(CHANNEL, note).catch((err) => console.error(`[archway] announcing job ${jobId}'s log failed:`, err));
}

/** Another process's batch or end, re-published here in order (one database read per batch). */
function onAnnouncement(note: Announcement & { from: string }): void {
  if (note.from === PROCESS_ID || !bus.listenerCount(note.job)) return;
  const previous = bridge.tails.get(note.job) ?? Promise.resolve();
  const next = previous
    .then(async () => {
      if ("end" in note) {
        bus.emit(note.job, { type: "end", ...note.end });
        return;
      }
      const lines = await db().jobLogLine.findMany({
        where: { jobId: note.job, seq: { gte: note.first, lte: note.last } },
        orderBy: { seq: "asc" },
        select: { seq: true, step: true, stream: true, line: true, time: true },
      });
      if (lines.length) bus.emit(note.job, linesEvent(lines));
    })
    .catch((err) => console.error(`[archway] relaying job ${note.job}'s log failed:`, err))
    .finally(() => {
      if (bridge.tails.get(note.job) === next) bridge.tails.delete(note.job);
    });
  bridge.tails.set(note.job, next);
}

/**
 * Starts relaying other processes' announcements (on PostgreSQL); called at start-up so the first
 * viewer does not race the LISTEN, and again by every subscriber in case that one failed.
 */
export function followOtherProcesses(): Promise<unknown> {
  if (!shared()) return Promise.resolve();
  bridge.listening ??= listen(CHANNEL, (n) => onAnnouncement(n as Announcement & { from: string })).catch(
    (err: unknown) => {
      bridge.listening = undefined;
      console.error("[archway] cannot follow other processes' job logs:", err);
    },
  );
  return bridge.listening;
}

export function subscribe(jobId: string, fn: (e: BusEvent) => void): () => void {
  void followOtherProcesses();
  bus.on(jobId, fn);
  return () => bus.off(jobId, fn);
}

export function viewerCount(jobId: string): number {
  return bus.listenerCount(jobId);
}
