"use client";
// How long a job ran, or has been running (ticking every second until it ends).
import { useNow } from "@/components/ui/use-now";
import { type JobJson, jobFinished } from "@/lib/api-client/jobs";
import { durationBetween, formatDuration } from "./format";

type Timed = Pick<JobJson, "status" | "created" | "started" | "finished">;

export function JobDuration({ job }: { job: Timed }) {
  if (jobFinished(job))
    return <span className="tabular-nums">{durationBetween(job.started ?? job.created, job.finished) ?? "—"}</span>;
  if (!job.started) return <span className="text-slate-500">Queued</span>;
  return <LiveDuration since={job.started} />;
}

export function LiveDuration({ since }: { since: string }) {
  const now = useNow(1000);
  return <span className="tabular-nums">{formatDuration(Math.max(0, now - Date.parse(since)))}</span>;
}
