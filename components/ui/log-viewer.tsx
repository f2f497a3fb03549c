"use client";
// A job's log lines in a scrolling monospace panel that follows new lines, unless the reader has
// scrolled up to read something (then it stays put until they scroll back to the bottom).
import { useLayoutEffect, useRef } from "react";

type LogViewerProps = { label: string; lines: { seq: number; text: string }[]; empty?: string };

export function LogViewer({ label, lines, empty = "No log lines yet." }: LogViewerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new lines must re-run the scroll
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [lines.length]);

  return (
    <div
      ref={ref}
      role="log"
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
      className="max-h-48 overflow-y-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-[11px] leading-[1.15rem] text-slate-100 focus:outline-2 focus:outline-sky-500"
    >
      {lines.length === 0 ? (
        <p className="text-slate-400">{empty}</p>
      ) : (
        lines.map((l) => (
          <div key={l.seq} className="whitespace-pre-wrap break-all">
            {l.text}
          </div>
        ))
      )}
    </div>
  );
}
