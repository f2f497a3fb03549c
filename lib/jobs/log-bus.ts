// In-process fan-out of job log lines and job ends to live viewers (SSE). Lines are in the
// database first; this only wakes viewers up without polling. Several web replicas would put a
// PostgreSQL LISTEN/NOTIFY behind the same interface.
import { EventEmitter } from "node:events";

export type BusLine = { seq: number; step: string; stream: string; line: string; time: Date };
/** `frames` is the SSE encoding of all the lines, made once per batch and shared by every viewer. */
export type BusEvent =
  | { type: "lines"; lines: BusLine[]; frames: () => Uint8Array }
  | { type: "end"; status: string; failureReason?: string | null };

const encoder = new TextEncoder();

export function sseFrame(l: BusLine): string {
  return `id: ${l.seq}\ndata: ${JSON.stringify({ seq: l.seq, step: l.step, stream: l.stream, time: l.time, line: l.line })}\n\n`;
}

/** A lines event whose encoding is computed on first use, then reused. */
export function linesEvent(lines: BusLine[]): BusEvent {
  let encoded: Uint8Array | undefined;
  return { type: "lines", lines, frames: () => (encoded ??= encoder.encode(lines.map(sseFrame).join(""))) };
}

const globalBus = globalThis as unknown as { archwayLogBus?: EventEmitter };
const bus = (globalBus.archwayLogBus ??= new EventEmitter().setMaxListeners(0));

export function publish(jobId: string, event: BusEvent): void {
  bus.emit(jobId, event);
}

export function subscribe(jobId: string, fn: (e: BusEvent) => void): () => void {
  bus.on(jobId, fn);
  return () => bus.off(jobId, fn);
}

export function viewerCount(jobId: string): number {
  return bus.listenerCount(jobId);
}
