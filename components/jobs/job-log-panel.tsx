"use client";
// A job's live log: streamed over SSE, searchable and filterable by step, squashfs-tools' chatter
// hideable, with line counts, copy and download. Keeps the last 50 000 lines in memory and says so when older ones were dropped.
// The one log component of the console: a job's page shows it whole (JobLogPanel); a base-image fetch under
// its OS image row shows the same view of a stream it already follows for its line count (JobLogView).
import { useId, useMemo, useState } from "react";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { jobLogHref, type StreamedLogLine } from "@/lib/api-client/jobs";
import { toolNoiseFlags } from "@/lib/jobs/tool-noise";
import { type LogConnection, useJobLogStream } from "@/lib/queries/use-job-log-stream";
import { count } from "./format";
import { JobLogLines } from "./job-log-lines";
import { JobLogToolbar } from "./job-log-toolbar";
import { CopyLogButton, DownloadLogLink } from "./log-actions";

const textOf = (lines: StreamedLogLine[]) => lines.map((l) => `${l.line}\n`).join("");

function ConnectionNote({ connection }: { connection: LogConnection }) {
  switch (connection.state) {
    case "connecting":
      return <span className="text-slate-500">Connecting…</span>;
    case "open":
      return (
        <span className="inline-flex items-center gap-1.5 text-green-700">
          <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-green-500" />
          Live
        </span>
      );
    case "reconnecting":
      return (
        <span className="text-amber-700" title={connection.reason}>
          Connection lost; reconnecting in {Math.ceil(connection.inMs / 1000)} s
        </span>
      );
    case "ended":
      return <span className="text-slate-500">Complete</span>;
    case "failed":
      return <span className="text-red-700">Could not read the log: {connection.error.message}</span>;
  }
}

export type JobLogStream = ReturnType<typeof useJobLogStream>;

export function JobLogPanel({ jobId }: { jobId: string }) {
  return <JobLogView jobId={jobId} log={useJobLogStream(jobId)} />;
}

type ViewProps = {
  jobId: string;
  log: JobLogStream;
  /** The accessible name of the scrolling log. */
  label?: string;
  title?: string;
};

export function JobLogView({ jobId, log, label = "Job log", title = "Log" }: ViewProps) {
  const { lines, dropped, connection, maxLines } = log;
  const titleId = useId();
  const [following, setFollowing] = useState(true);
  const [search, setSearch] = useState("");
  const [onlyMatching, setOnlyMatching] = useState(true);
  const [step, setStep] = useState("");
  const [hideTools, setHideTools] = useState(false);
  const needle = useDebouncedValue(search.trim().toLowerCase(), 150);

  const steps = useMemo(() => [...new Set(lines.map((l) => l.step))], [lines]);
  const noise = useMemo(() => toolNoiseFlags(lines), [lines]);
  const toolLines = useMemo(() => noise.filter(Boolean).length, [noise]);
  const { shown, matches } = useMemo(() => {
    let matches = 0;
    const shown = lines.filter((l, i) => {
      if (step && l.step !== step) return false;
      if (hideTools && noise[i]) return false;
      if (!needle) return true;
      const hit = l.line.toLowerCase().includes(needle);
      if (hit) matches++;
      return hit || !onlyMatching;
    });
    return { shown, matches };
  }, [lines, step, needle, onlyMatching, hideTools, noise]);
  const filtered = shown.length !== lines.length;

  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        <p className="flex flex-wrap items-center gap-x-3 text-xs text-slate-600">
          <span aria-live="polite" className="tabular-nums">
            {count(lines.length)} {lines.length === 1 ? "line" : "lines"}
            {needle ? ` · ${count(matches)} matching` : ""}
            {filtered ? ` · showing ${count(shown.length)}` : ""}
          </span>
          <ConnectionNote connection={connection} />
        </p>
      </div>
      <div className="space-y-3 p-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <JobLogToolbar
            following={following}
            onFollowing={setFollowing}
            search={search}
            onSearch={setSearch}
            onlyMatching={onlyMatching}
            onOnlyMatching={setOnlyMatching}
            steps={steps}
            step={step}
            onStep={setStep}
            toolLines={toolLines}
            hideTools={hideTools}
            onHideTools={setHideTools}
          />
          <div className="flex items-center gap-2">
            <CopyLogButton getText={() => textOf(shown)} what={filtered ? "the lines shown" : "the log"} />
            <DownloadLogLink getText={() => textOf(lines)} fileName={`${jobId}.log`} />
          </div>
        </div>
        {dropped > 0 ? (
          <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900">
            Keeping the last {count(maxLines)} lines: the {count(dropped)} oldest were dropped to save memory, and
            Download saves only what is kept;{" "}
            <a href={jobLogHref(jobId)} download={`${jobId}.log`} className="font-medium text-sky-700 underline">
              download the full log
            </a>{" "}
            from the server.
          </p>
        ) : null}
        <JobLogLines
          label={label}
          lines={shown}
          needle={needle}
          following={following}
          onFollowingChange={setFollowing}
          empty={
            connection.state === "connecting"
              ? "Connecting to the log…"
              : lines.length
                ? "No line matches."
                : "No log lines yet."
          }
        />
        <p className="text-xs text-slate-500">
          <span className="mr-3 inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-red-400" /> stderr
          </span>
          Scrolling up pauses following; line numbers are the log&apos;s sequence numbers.
        </p>
      </div>
    </section>
  );
}
