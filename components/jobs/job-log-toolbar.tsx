"use client";
// The log's controls: follow/pause, search (marks matches; optionally only matching lines), hiding
// squashfs-tools' output, step filter.
import { statusLabel } from "./format";

type Props = {
  following: boolean;
  onFollowing: (on: boolean) => void;
  search: string;
  onSearch: (s: string) => void;
  onlyMatching: boolean;
  onOnlyMatching: (on: boolean) => void;
  steps: string[];
  step: string;
  onStep: (s: string) => void;
  /** How many lines squashfs-tools printed; the toggle shows only when there are some. */
  toolLines: number;
  hideTools: boolean;
  onHideTools: (on: boolean) => void;
};

const INPUT =
  "h-8 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-sky-600 focus:outline-2 focus:outline-sky-600/30";

export function JobLogToolbar({
  following,
  onFollowing,
  search,
  onSearch,
  onlyMatching,
  onOnlyMatching,
  steps,
  step,
  onStep,
  toolLines,
  hideTools,
  onHideTools,
}: Props) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <button
        type="button"
        aria-pressed={following}
        onClick={() => onFollowing(!following)}
        title={following ? "Pause: keep the view where it is while lines arrive" : "Follow: scroll with new lines"}
        className={`inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium shadow-sm ${following ? "bg-sky-700 text-white hover:bg-sky-800" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M10 3v10M5.5 8.5 10 13l4.5-4.5M4 17h12" />
        </svg>
        Follow
      </button>
      {following ? null : <span className="-ml-2 text-xs font-medium text-amber-700">Paused</span>}
      <input
        type="search"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        placeholder="Search the log"
        aria-label="Search the log"
        className={`${INPUT} w-56`}
      />
      <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={onlyMatching}
          onChange={(e) => onOnlyMatching(e.target.checked)}
          className="size-4 accent-sky-700"
        />
        Only matching lines
      </label>
      {toolLines > 0 ? (
        <label
          className="inline-flex items-center gap-1.5 text-sm text-slate-700"
          title="unsquashfs and mksquashfs output: file counts and compression statistics"
        >
          <input
            type="checkbox"
            checked={hideTools}
            onChange={(e) => onHideTools(e.target.checked)}
            className="size-4 accent-sky-700"
          />
          Hide tool output ({toolLines})
        </label>
      ) : null}
      <select value={step} onChange={(e) => onStep(e.target.value)} aria-label="Step" className={`${INPUT} pr-8`}>
        <option value="">All steps</option>
        {steps.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
