"use client";
// The scrolling log: follows new lines unless paused (scrolling up pauses it), and past a few thousand
// lines renders only the rows in view plus some overscan (fixed row height, so offsets are arithmetic).
import { useLayoutEffect, useRef, useState } from "react";
import type { StreamedLogLine } from "@/lib/api-client/jobs";
import { count } from "./format";
import { JobLogRow, ROW_PX } from "./job-log-row";

const VIRTUAL_AFTER = 2000;
const OVERSCAN = 40;

type Props = {
  label: string;
  lines: StreamedLogLine[];
  needle: string;
  following: boolean;
  onFollowingChange: (following: boolean) => void;
  empty: string;
};

export function JobLogLines({ label, lines, needle, following, onFollowingChange, empty }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const virtual = lines.length > VIRTUAL_AFTER;

  // Before paint: jump to the end (again whenever lines arrive), and read the window the slice is cut for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new lines must re-run the scroll
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (following) el.scrollTop = el.scrollHeight;
    setView((v) =>
      v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
    );
  }, [lines, following]);

  // Where the reader paused (by scrolling up or with the toolbar), to count what arrived since.
  const [prevFollowing, setPrevFollowing] = useState(following);
  if (prevFollowing !== following) {
    setPrevFollowing(following);
    setPausedAt(following ? null : lines.length);
  }
  const newLines = following || pausedAt === null ? 0 : Math.max(0, lines.length - pausedAt);

  let start = 0;
  let end = lines.length;
  if (virtual) {
    start = Math.max(0, Math.floor(view.top / ROW_PX) - OVERSCAN);
    end = Math.min(lines.length, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN);
  }

  return (
    <div className="relative">
      <div
        ref={ref}
        role="log"
        aria-label={label}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          setView({ top: el.scrollTop, height: el.clientHeight });
          const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_PX * 1.5;
          if (following && !atBottom) onFollowingChange(false);
        }}
        className="relative h-[30rem] overflow-auto rounded-md bg-slate-900 py-2 font-mono text-[12px] leading-[18px] text-slate-100 focus:outline-2 focus:outline-sky-500"
      >
        {lines.length === 0 ? (
          <p className="px-3 text-slate-400">{empty}</p>
        ) : virtual ? (
          // Padding stands in for the rows not rendered, so the scroll height is the whole log's.
          <div
            className="min-w-max"
            style={{ paddingTop: start * ROW_PX, paddingBottom: (lines.length - end) * ROW_PX }}
          >
            {lines.slice(start, end).map((l) => (
              <JobLogRow key={l.seq} line={l} needle={needle} />
            ))}
          </div>
        ) : (
          <div className="min-w-max">
            {lines.map((l) => (
              <JobLogRow key={l.seq} line={l} needle={needle} />
            ))}
          </div>
        )}
      </div>
      {newLines > 0 ? (
        <button
          type="button"
          onClick={() => onFollowingChange(true)}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-sky-600 px-3 py-1 text-xs font-medium text-white shadow-lg hover:bg-sky-500"
        >
          ↓ {count(newLines)} new {newLines === 1 ? "line" : "lines"}, follow
        </button>
      ) : null}
    </div>
  );
}
