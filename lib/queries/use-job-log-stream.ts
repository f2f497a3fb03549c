"use client";
// A job's log followed live over Server-Sent Events (one fetch, one AbortController, resumed from the
// last id after a dropped connection). Lines arriving together are applied in one render; at most
// `maxLines` are kept (the oldest are dropped and counted). When the stream says the job ended, the
// job, the job lists and the image lists (a new image) are re-read.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type FollowState, followJobLog, type JobLogEnd, type StreamedLogLine } from "@/lib/api-client/jobs";
import { imageKeys } from "./ims-keys";
import { jobKeys } from "./job-keys";

export type LogConnection = FollowState | { state: "ended" } | { state: "failed"; error: Error };
export type JobLogView = { lines: StreamedLogLine[]; dropped: number };

const FLUSH_MS = 80;

export function useJobLogStream(jobId: string, { maxLines = 50_000 }: { maxLines?: number } = {}) {
  const queryClient = useQueryClient();
  const [view, setView] = useState<JobLogView>({ lines: [], dropped: 0 });
  const [connection, setConnection] = useState<LogConnection>({ state: "connecting" });
  const [end, setEnd] = useState<JobLogEnd | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    let pending: StreamedLogLine[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let step: string | null = null;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (!pending.length) return;
      const batch = pending;
      pending = [];
      setView((prev) => {
        const all = prev.lines.concat(batch);
        const over = all.length - maxLines;
        return over > 0
          ? { lines: all.slice(over), dropped: prev.dropped + over }
          : { lines: all, dropped: prev.dropped };
      });
    };
    followJobLog(jobId, {
      signal: ac.signal,
      onState: setConnection,
      onLine: (line) => {
        // A new step in the log: the job's status moved on, re-read it now rather than at the next poll.
        if (step !== null && line.step !== step)
          void queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId) });
        step = line.step;
        pending.push(line);
        timer ??= setTimeout(flush, FLUSH_MS);
      },
      onEnd: (e) => {
        flush();
        setEnd(e);
        setConnection({ state: "ended" });
        void queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId) });
        void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
        if (e.status === "success") void queryClient.invalidateQueries({ queryKey: imageKeys.lists() });
      },
    }).catch((error: unknown) => {
      flush();
      setConnection({ state: "failed", error: error instanceof Error ? error : new Error(String(error)) });
    });
    return () => {
      ac.abort();
      clearTimeout(timer);
    };
  }, [jobId, maxLines, queryClient]);

  return { ...view, connection, end, maxLines };
}
