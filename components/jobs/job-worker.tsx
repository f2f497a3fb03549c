"use client";
// Which worker ran a job and whether natively or under emulation; before a worker claims it, why it waits.
import type { JobJson } from "@/lib/api-client/jobs";

export function JobWorker({ job }: { job: JobJson }) {
  if (job.worker)
    return (
      <span data-testid="job-worker">
        <span className="font-medium">{job.worker.name}</span> on {job.worker.hostname} —{" "}
        {job.emulated ? `emulated (${job.arch} under QEMU user emulation)` : `natively (${job.arch})`}
      </span>
    );
  return (
    <span data-testid="job-worker" className="text-slate-500">
      {job.waiting_reason ?? (job.finished ? "No worker ran it" : "Not claimed by a worker yet")}
    </span>
  );
}
