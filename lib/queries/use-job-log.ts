"use client";
// A job's log, read incrementally: each poll asks only for lines after the last seq seen and appends
// them. Polls every second while `live`; once the job ends one last read picks up the final lines.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { getJobLog, type JobLogChunk } from "@/lib/api-client/jobs";
import { jobKeys } from "./keys";

const EMPTY: JobLogChunk = { lines: [], lastSeq: 0 };

export function useJobLog(jobId: string, { live }: { live: boolean }) {
  const queryClient = useQueryClient();
  const queryKey = jobKeys.log(jobId);
  const query = useQuery({
    queryKey,
    queryFn: async () => {
      const after = queryClient.getQueryData<JobLogChunk>(queryKey)?.lastSeq ?? 0;
      const chunk = await getJobLog(jobId, after);
      // Merged against the cache as it is now, not as it was when the request left: an overlapping read adds nothing twice.
      const prev = queryClient.getQueryData<JobLogChunk>(queryKey) ?? EMPTY;
      const fresh = chunk.lines.filter((l) => l.seq > prev.lastSeq);
      return fresh.length ? { lines: [...prev.lines, ...fresh], lastSeq: Math.max(prev.lastSeq, chunk.lastSeq) } : prev;
    },
    refetchInterval: live ? 1000 : false,
    staleTime: Infinity,
  });

  const wasLive = useRef(live);
  const { refetch } = query;
  useEffect(() => {
    if (wasLive.current && !live) void refetch();
    wasLive.current = live;
  }, [live, refetch]);

  return query;
}
