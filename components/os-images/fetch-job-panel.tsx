"use client";
// A base-ISO fetch job under its OS image row: status, a progress bar and the live log (polled every
// second, new lines only). When the job ends the image table is re-read so the rows show the outcome.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LogViewer } from "@/components/ui/log-viewer";
import { ProgressBar } from "@/components/ui/progress-bar";
import { jobFinished } from "@/lib/api-client/jobs";
import { catalogKeys } from "@/lib/queries/keys";
import { useJob } from "@/lib/queries/use-job";
import { useJobLog } from "@/lib/queries/use-job-log";

type Props = { jobId: string; what: string; onDismiss?: () => void };

function humanStatus(status: string): string {
  const text = status.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function seconds(from?: string, to?: string): string | null {
  if (!from || !to) return null;
  return `${((Date.parse(to) - Date.parse(from)) / 1000).toFixed(1)} s`;
}

export function FetchJobPanel({ jobId, what, onDismiss }: Props) {
  const queryClient = useQueryClient();
  const { data: job, error } = useJob(jobId);
  const finished = jobFinished(job);
  const log = useJobLog(jobId, { live: !finished });
  const lines = log.data?.lines ?? [];
  const failed = finished && job?.status !== "success";
  const [open, setOpen] = useState(true);

  const seenFinished = useRef(finished);
  useEffect(() => {
    if (finished && !seenFinished.current) {
      void queryClient.invalidateQueries({ queryKey: catalogKeys.imageTable() });
      // A success needs no reading; a failure's log says why, so it stays open.
      if (!failed) setOpen(false);
    }
    seenFinished.current = finished;
  }, [finished, failed, queryClient]);

  const took = seconds(job?.started ?? job?.created, job?.finished);
  const status = !job
    ? "Starting…"
    : !finished
      ? `${humanStatus(job.status)}… ${job.progress ?? 0}%`
      : failed
        ? `Failed${took ? ` after ${took}` : ""}: ${job.failure_reason ?? job.status}`
        : `Fetched and verified${took ? ` in ${took}` : ""}`;

  return (
    <section
      aria-label={`Fetch job: ${what}`}
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2"
    >
      <div className="flex items-center justify-between gap-3">
        <p className={`min-w-0 text-xs ${failed ? "text-red-800" : "text-slate-700"}`}>
          <span className="font-medium">Fetch job</span>{" "}
          <code className="font-mono text-slate-500">{jobId.slice(0, 8)}</code> ·{" "}
          {error ? `Could not read the job: ${error.message}` : status}
        </p>
        {finished && onDismiss ? (
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            Dismiss
          </Button>
        ) : null}
      </div>
      <ProgressBar
        label={`Fetching the ${what} base ISO`}
        value={job ? (finished && !failed ? 100 : (job.progress ?? 0)) : undefined}
        tone={failed ? "danger" : finished ? "success" : "info"}
      />
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer select-none text-xs font-medium text-slate-700">
          Log ({lines.length} {lines.length === 1 ? "line" : "lines"})
        </summary>
        <div className="mt-1.5">
          <LogViewer
            label={`Fetch log: ${what}`}
            lines={lines}
            empty={log.isPending ? "Loading the log…" : "No log lines yet."}
          />
        </div>
      </details>
    </section>
  );
}
