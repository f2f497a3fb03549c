"use client";
// One page of image jobs, filtered by status, type and architecture. Re-read every 2 s while any job
// on the page is still running; the previous page stays on screen while the next one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type JobFilter, jobFinished, listJobs } from "@/lib/api-client/jobs";
import { jobKeys } from "./job-keys";

export function useJobs(filter: JobFilter) {
  return useQuery({
    queryKey: jobKeys.list(filter),
    queryFn: () => listJobs(filter),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((j) => !jobFinished(j)) ? 2000 : false),
  });
}
