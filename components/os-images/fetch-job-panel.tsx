"use client";
// A base-ISO fetch job under its OS image row: status, a progress bar, the live log (the same log
// component as a job's page, JobLogView), Cancel while it runs and Retry once it failed. When the
// job ends the image table is re-read so the rows show the outcome.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { JobLogView } from "@/components/jobs/job-log-panel";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { jobFinished } from "@/lib/api-client/jobs";
import { hideFileUrls } from "@/lib/catalog/display-url";
import { catalogKeys } from "@/lib/queries/keys";
import { useCancelJob } from "@/lib/queries/use-cancel-job";
import { useJob } from "@/lib/queries/use-job";
import { useJobLogStream } from "@/lib/queries/use-job-log-stream";

type Props = { jobId: string; what: string; onDismiss?: () => void; onRetry?: () => void; retrying?: boolean };

function humanStatus(status: string): string {
  const text = status.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first line, without the server's file paths: the log below has the rest. */
function oneLine(reason: string): string {
  return hideFileUrls(reason.split("\n")[0]);
}

function seconds(from?: string, to?: string): string | null {
  if (!from || !to) return null;
  return `${((Date.parse(to) - Date.parse(from)) / 1000).toFixed(1)} s`;
}

export function FetchJobPanel({ jobId, what, onDismiss, onRetry, retrying }: Props) {
  const queryClient = useQueryClient();
  const { data: job, error } = useJob(jobId);
  const finished = jobFinished(job);
  const log = useJobLogStream(jobId);
  const cancel = useCancelJob();
  // The server's file paths stay on the server: the log names the file only.
  const lines = useMemo(() => log.lines.map((l) => ({ ...l, line: hideFileUrls(l.line) })), [log.lines]);
  const shown = { ...log, lines };
  const failed = finished && job?.status !== "success";
  // A job followed live shows its log, folded once it succeeds (a success needs no reading) and kept
  // open when it fails; one that had already failed when the page loaded shows its reason, with the
  // log folded until asked for. The reader's own choice wins over both.
  const [followed, setFollowed] = useState(false);
  if (job && !finished && !followed) setFollowed(true);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? (followed && (!finished || failed));

  const seenFinished = useRef(finished);
  useEffect(() => {
    if (finished && !seenFinished.current) {
      void queryClient.invalidateQueries({ queryKey: catalogKeys.imageTable() });
    }
    seenFinished.current = finished;
  }, [finished, queryClient]);

  const took = seconds(job?.started ?? job?.created, job?.finished);
  const status = !job
    ? "Starting…"
    : !finished
      ? `${humanStatus(job.status)}… ${job.progress ?? 0}%`
      : failed
        ? `Failed${took ? ` after ${took}` : ""}: ${oneLine(job.failure_reason ?? job.status)}`
        : `Fetched and verified${took ? ` in ${took}` : ""}`;

  return (
    <section
      aria-label={`Fetch job: ${what}`}
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2"
    >
      <div className="flex items-center justify-between gap-3">
        <p className={`min-w-0 truncate text-xs ${failed ? "text-red-800" : "text-slate-700"}`} title={status}>
          <span className="font-medium">Fetch job</span>{" "}
          <code className="font-mono text-slate-500">{jobId.slice(0, 8)}</code> ·{" "}
          {error ? `Could not read the job: ${error.message}` : status}
        </p>
        <div className="flex shrink-0 items-center gap-1">
          {job && !finished ? (
            <RoleButton
              action="job.cancel"
              size="sm"
              variant="ghost"
              onClick={() => cancel.mutate(jobId)}
              disabled={cancel.isPending}
            >
              {cancel.isPending ? "Cancelling…" : "Cancel"}
            </RoleButton>
          ) : null}
          {failed && onRetry ? (
            <RoleButton action="os-image.fetch" size="sm" onClick={onRetry} disabled={retrying}>
              {retrying ? "Starting…" : "Retry"}
            </RoleButton>
          ) : null}
          {finished && onDismiss ? (
            <Button size="sm" variant="ghost" onClick={onDismiss}>
              Dismiss
            </Button>
          ) : null}
        </div>
      </div>
      {/* A failed fetch's progress says nothing the reason does not. */}
      {failed ? null : (
        <ProgressBar
          label={`Fetching the ${what} base ISO`}
          value={job ? (finished ? 100 : (job.progress ?? 0)) : undefined}
          tone={finished ? "success" : "info"}
        />
      )}
      <details
        open={open}
        onToggle={(e) => {
          if (e.currentTarget.open !== open) setChosen(e.currentTarget.open);
        }}
      >
        <summary className="cursor-pointer select-none text-xs font-medium text-slate-700">
          Log ({lines.length} {lines.length === 1 ? "line" : "lines"})
        </summary>
        <div className="mt-1.5">
          <JobLogView jobId={jobId} log={shown} label={`Fetch log: ${what}`} title={`Fetch log: ${what}`} />
        </div>
      </details>
    </section>
  );
}
