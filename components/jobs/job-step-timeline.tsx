"use client";
// A job's steps in order with how long each took (the running one ticking), the current one marked,
// the one it failed or was cancelled in marked too, and the outcome last.
import { useNow } from "@/components/ui/use-now";
import { type JobJson, jobFinished } from "@/lib/api-client/jobs";
import { durationBetween, statusLabel, stepsOf } from "./format";

type StepState = "done" | "current" | "failed" | "pending" | "skipped";
type Step = { status: string; state: StepState; started?: string; finished?: string };

/** "creating" is not in step_times: it runs from creation to the first recorded step. */
function stepsFor(job: JobJson): Step[] {
  const times: Record<string, { started: string; finished?: string }> = { ...job.step_times };
  const recorded = Object.entries(times).sort((a, b) => Date.parse(a[1].started) - Date.parse(b[1].started));
  times.creating = {
    started: job.created,
    finished: recorded[0]?.[1].started ?? (jobFinished(job) ? job.finished : undefined),
  };
  const ended = jobFinished(job);
  const lastStarted = recorded.at(-1)?.[0] ?? "creating";
  return stepsOf(
    job.job_type,
    recorded.map(([s]) => s),
  ).map((status) => {
    const t = times[status];
    let state: StepState;
    if (!t) state = ended ? "skipped" : "pending";
    else if (!ended && status === (recorded.length ? lastStarted : "creating")) state = "current";
    else if (ended && job.status !== "success" && status === lastStarted) state = "failed";
    else state = "done";
    return {
      status,
      state,
      started: t?.started,
      finished: t?.finished ?? (state === "failed" || (state === "done" && ended) ? job.finished : undefined),
    };
  });
}

const DOT: Record<StepState, string> = {
  done: "bg-green-600 text-white",
  current: "bg-sky-600 text-white ring-4 ring-sky-200 animate-pulse",
  failed: "bg-red-600 text-white",
  pending: "bg-white text-slate-400 ring-1 ring-slate-300",
  skipped: "bg-slate-100 text-slate-400 ring-1 ring-slate-200",
};
const MARK: Record<StepState, string> = { done: "✓", current: "•", failed: "✕", pending: "", skipped: "–" };

export function JobStepTimeline({ job }: { job: JobJson }) {
  const now = useNow(1000);
  const steps = stepsFor(job);
  const ended = jobFinished(job);
  const outcome = ended ? job.status : null;
  return (
    <ol aria-label="Steps" className="grid gap-3 sm:grid-cols-[repeat(auto-fit,minmax(9rem,1fr))]">
      {steps.map((s) => {
        const took = s.started
          ? durationBetween(s.started, s.finished ?? (s.state === "current" ? now : undefined))
          : null;
        return (
          <li
            key={s.status}
            aria-current={s.state === "current" ? "step" : undefined}
            className={`flex items-start gap-2 rounded-md px-2 py-1.5 ${s.state === "current" ? "bg-sky-50 ring-1 ring-sky-200" : s.state === "failed" ? "bg-red-50 ring-1 ring-red-200" : ""}`}
          >
            <span
              aria-hidden="true"
              className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${DOT[s.state]}`}
            >
              {MARK[s.state]}
            </span>
            <span className="min-w-0">
              <span
                className={`block text-sm font-medium ${s.state === "pending" || s.state === "skipped" ? "text-slate-500" : "text-slate-900"}`}
              >
                {statusLabel(s.status)}
              </span>
              <span className="block text-xs text-slate-600 tabular-nums">
                {s.state === "current"
                  ? `Running · ${took ?? ""}`
                  : s.state === "failed"
                    ? `${job.status === "cancelled" ? "Cancelled" : "Failed"}${took ? ` after ${took}` : ""}`
                    : s.state === "done"
                      ? (took ?? "Done")
                      : s.state === "skipped"
                        ? "Skipped"
                        : "Waiting"}
              </span>
            </span>
          </li>
        );
      })}
      <li
        className={`flex items-start gap-2 rounded-md px-2 py-1.5 ${outcome === "success" ? "bg-green-50 ring-1 ring-green-200" : ""}`}
      >
        <span
          aria-hidden="true"
          className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${outcome === "success" ? "bg-green-600 text-white" : outcome === "cancelled" ? "bg-slate-500 text-white" : outcome ? "bg-red-600 text-white" : "bg-white ring-1 ring-slate-300"}`}
        >
          {outcome === "success" ? "✓" : outcome ? "✕" : ""}
        </span>
        <span className="min-w-0">
          <span className={`block text-sm font-medium ${outcome ? "text-slate-900" : "text-slate-500"}`}>
            {outcome ? statusLabel(outcome) : "Result"}
          </span>
          <span className="block text-xs text-slate-600 tabular-nums">
            {ended
              ? `Total ${durationBetween(job.started ?? job.created, job.finished) ?? "—"}`
              : `So far ${durationBetween(job.started ?? job.created, now) ?? "—"}`}
          </span>
        </span>
      </li>
    </ol>
  );
}
