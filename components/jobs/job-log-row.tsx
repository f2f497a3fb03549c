// One log line: its seq as a line number, the text with search matches marked, stderr in red with a bar.
import { memo, type ReactNode } from "react";
import type { StreamedLogLine } from "@/lib/api-client/jobs";

export const ROW_PX = 18;

/** The text split around case-insensitive occurrences of `needle` (already lower-cased), matches in <mark>. */
export function highlight(text: string, needle: string): ReactNode {
  if (!needle) return text;
  const lower = text.toLowerCase();
  const out: ReactNode[] = [];
  let at = 0;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, at)) {
    if (i > at) out.push(text.slice(at, i));
    out.push(
      <mark key={i} className="rounded-sm bg-amber-300 px-px text-slate-950">
        {text.slice(i, i + needle.length)}
      </mark>,
    );
    at = i + needle.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export const JobLogRow = memo(function JobLogRow({ line, needle }: { line: StreamedLogLine; needle: string }) {
  const stderr = line.stream === "stderr";
  return (
    <div
      data-stream={line.stream}
      title={`${line.step} · ${line.stream} · ${line.time}`}
      className={`flex ${stderr ? "bg-red-950/60 text-red-200" : ""}`}
      style={{ height: ROW_PX }}
    >
      <span aria-hidden="true" className="w-16 shrink-0 select-none pr-2 text-right text-slate-500 tabular-nums">
        {line.seq}
      </span>
      <span className={`whitespace-pre border-l-2 pl-2 pr-4 ${stderr ? "border-red-400" : "border-transparent"}`}>
        {stderr ? <span className="sr-only">stderr: </span> : null}
        {highlight(line.line, needle)}
      </span>
    </div>
  );
});
