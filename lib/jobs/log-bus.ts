// In-process fan-out of job log lines and job ends to live viewers (SSE). Lines are in the
// database first; this only wakes viewers up without polling. Several web replicas would put a
// PostgreSQL LISTEN/NOTIFY behind the same interface.
import { EventEmitter } from "node:events";

export type BusLine = { seq: number; step: string; stream: string; line: string; time: Date };
export type BusEvent = { type: "lines"; lines: BusLine[] } | { type: "end"; status: string; failureReason?: string | null };

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
