// Browser client for /apis/ims/v3/jobs: list, start, cancel, retry, delete, one job's status, its log
// read incrementally (plain text) or followed live (Server-Sent Events read with fetch).
import type { z } from "zod";
import type { jobCreateSchema } from "@/lib/jobs/schemas";
import type { JobJson } from "@/lib/jobs/serialize";
import { isTerminal } from "@/lib/jobs/statuses";
import { ApiError, apiErrorFrom } from "./api-error";
import { apiJson, apiRequest, withQuery } from "./http";
import type { Page } from "./ims-page";

export type { JobJson };

export const IMS_API = "/apis/ims/v3";

/** A job is over once it has a finish time or a final status; nothing about it changes after. */
export function jobFinished(job: { status: string; finished?: string } | undefined): boolean {
  return !!job && (!!job.finished || isTerminal(job.status));
}

const one = (id: string) => `${IMS_API}/jobs/${encodeURIComponent(id)}`;

export const getJob = (id: string) => apiJson<JobJson>(one(id));

/** Empty values are left out of the query. `arch` in the IMS spelling (aarch64). */
export type JobFilter = { status?: string; job_type?: string; arch?: string; limit?: number; offset?: number };

export async function listJobs(filter: JobFilter): Promise<Page<JobJson>> {
  const res = await apiRequest(withQuery(`${IMS_API}/jobs`, filter));
  const items = (await res.json()) as JobJson[];
  const total = Number(res.headers.get("X-Total-Count") ?? Number.NaN);
  return { items, total: Number.isFinite(total) ? total : items.length };
}

/** What a start request may carry: never `arch`, which the job takes from its recipe or image. */
export type JobCreateBody = Omit<z.input<typeof jobCreateSchema>, "arch">;

export const createJob = (body: JobCreateBody) => apiJson<JobJson>(`${IMS_API}/jobs`, { method: "POST", json: body });

/** 202 with the job as it is now (a running job becomes `cancelled` shortly after); 409 once ended. */
export const cancelJob = (id: string) => apiJson<JobJson>(`${one(id)}/cancel`, { method: "POST" });

/** 201 with a new job made from the ended job's request; 409 while it still runs. */
export const retryJob = (id: string) => apiJson<JobJson>(`${one(id)}/retry`, { method: "POST" });

/** 409 while the job still runs. With `keepLogs` the log is saved as an artifact first and its link answered. */
export const deleteJob = (id: string, { keepLogs = false }: { keepLogs?: boolean } = {}) =>
  apiJson<{ log: { path: string; type: string } } | undefined>(
    withQuery(one(id), { keep_logs: keepLogs ? "true" : undefined }),
    { method: "DELETE" },
  );

/** The whole stored log as plain text (for a download link). */
export const jobLogHref = (id: string) => `${one(id)}/logs`;

export type JobLogLine = { seq: number; text: string };
export type JobLogChunk = { lines: JobLogLine[]; lastSeq: number };

/** Lines after `after` (a seq); the X-Last-Seq header says where the next call resumes. */
export async function getJobLog(id: string, after = 0): Promise<JobLogChunk> {
  const res = await apiRequest(withQuery(`${one(id)}/logs`, { after: after || undefined }), {
    headers: { Accept: "text/plain" },
  });
  const body = await res.text();
  const texts = body === "" ? [] : body.replace(/\n$/, "").split("\n");
  const lastSeq = Number(res.headers.get("X-Last-Seq") ?? after);
  const end = Number.isFinite(lastSeq) ? lastSeq : after + texts.length;
  // A job's seqs are consecutive, so each line's own seq follows from the last one.
  return { lines: texts.map((text, i) => ({ seq: end - texts.length + 1 + i, text })), lastSeq: end };
}

// ---- Live log (SSE) ----

export type StreamedLogLine = { seq: number; step: string; stream: "stdout" | "stderr"; time: string; line: string };
export type JobLogEnd = { status: string; failure_reason?: string };
export type SseEvent = { event: string; data: string; id: string };

/**
 * An incremental Server-Sent Events parser: feed it text as it arrives, in chunks cut anywhere (mid-line,
 * between \r and \n); it calls `onEvent` once per complete event. Comment lines (pings) are skipped.
 */
export function createSseParser(onEvent: (e: SseEvent) => void): (chunk: string) => void {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id = "";
  const takeLine = (line: string) => {
    if (line === "") {
      if (data.length) onEvent({ event: event || "message", data: data.join("\n"), id });
      event = "";
      data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id" && !value.includes("\0")) id = value;
  };
  return (chunk) => {
    buffer += chunk;
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (end < 0 || (buffer[end] === "\r" && end === buffer.length - 1)) return;
      const sep = buffer.startsWith("\r\n", end) ? 2 : 1;
      takeLine(buffer.slice(0, end));
      buffer = buffer.slice(end + sep);
    }
  };
}

export type FollowState = { state: "connecting" | "open" } | { state: "reconnecting"; inMs: number; reason: string };

export type FollowOptions = {
  /** Resume after this seq (0: from the start). */
  after?: number;
  step?: string;
  onLine: (line: StreamedLogLine) => void;
  onEnd: (end: JobLogEnd) => void;
  onState?: (s: FollowState) => void;
  signal: AbortSignal;
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Follows a job's log until `event: end` (resolves) or the signal aborts (resolves). A dropped
 * connection is resumed from the last id seen (Last-Event-ID) after a growing pause; an HTTP 4xx
 * (no such job) rejects with the ApiError.
 */
export async function followJobLog(
  id: string,
  { after = 0, step, onLine, onEnd, onState, signal }: FollowOptions,
): Promise<void> {
  let last = after;
  let failures = 0;
  while (!signal.aborted) {
    onState?.({ state: "connecting" });
    let reason = "the connection closed";
    try {
      const res = await fetch(withQuery(`${one(id)}/logs`, { follow: 1, step, after: last || undefined }), {
        headers: { Accept: "text/event-stream", ...(last ? { "Last-Event-ID": String(last) } : {}) },
        cache: "no-store",
        signal,
      });
      if (!res.ok) {
        const err = await apiErrorFrom(res);
        if (res.status < 500) throw err;
        reason = err.detail;
      } else if (res.body) {
        onState?.({ state: "open" });
        let ended = false;
        const parse = createSseParser((e) => {
          if (e.event === "end") {
            ended = true;
            onEnd(JSON.parse(e.data) as JobLogEnd);
          } else if (e.event === "message") {
            const line = JSON.parse(e.data) as StreamedLogLine;
            if (line.seq <= last) return;
            last = line.seq;
            failures = 0;
            onLine(line);
          }
        });
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            parse(value);
            if (ended) return;
          }
        } finally {
          void reader.cancel().catch(() => undefined);
        }
      }
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ApiError) throw err;
      reason = err instanceof Error ? err.message : String(err);
    }
    if (signal.aborted) return;
    const inMs = Math.min(15_000, 500 * 2 ** failures++);
    onState?.({ state: "reconnecting", inMs, reason });
    await sleep(inMs, signal);
  }
}
