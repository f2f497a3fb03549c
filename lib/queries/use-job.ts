"use client";
// One job, polled every second until it is over. Without an id (nothing running) it asks for nothing.
import { useQuery } from "@tanstack/react-query";
import { getJob, jobFinished } from "@/lib/api-client/jobs";
import { jobKeys } from "./keys";

export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: jobKeys.detail(id ?? ""),
    queryFn: () => getJob(id!),
    enabled: !!id,
    refetchInterval: (query) => (jobFinished(query.state.data) ? false : 1000),
  });
}
