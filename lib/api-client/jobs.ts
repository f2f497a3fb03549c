// Browser client for /apis/ims/v3/jobs: one job's status, and its log read incrementally.
import type { JobJson } from "@/lib/jobs/serialize";
import { apiJson, apiRequest, withQuery } from "./http";

export type { JobJson };

export const IMS_API = "/apis/ims/v3";

const FINAL = new Set(["success", "error", "failed", "cancelled"]);

/** A job is over once it has a finish time or a final status; nothing about it changes after. */
export function jobFinished(job: { status: string; finished?: string } | undefined): boolean {
  return !!job && (!!job.finished || FINAL.has(job.status));
}

export const getJob = (id: string) => apiJson<JobJson>(`${IMS_API}/jobs/${encodeURIComponent(id)}`);

export type JobLogLine = { seq: number; text: string };
export type JobLogChunk = { lines: JobLogLine[]; lastSeq: number };

/** Lines after `after` (a seq); the X-Last-Seq header says where the next call resumes. */
export async function getJobLog(id: string, after = 0): Promise<JobLogChunk> {
  const res = await apiRequest(withQuery(`${IMS_API}/jobs/${encodeURIComponent(id)}/logs`, { after: after || undefined }), { headers: { Accept: "text/plain" } });
  const body = await res.text();
  const texts = body === "" ? [] : body.replace(/\n$/, "").split("\n");
  const lastSeq = Number(res.headers.get("X-Last-Seq") ?? after);
  const end = Number.isFinite(lastSeq) ? lastSeq : after + texts.length;
  // A job's seqs are consecutive, so each line's own seq follows from the last one.
  return { lines: texts.map((text, i) => ({ seq: end - texts.length + 1 + i, text })), lastSeq: end };
}
