"use client";
// Cancels a queued or running job. The answer may still show it running (the process group is being
// killed), so the job is re-read until its poll sees the end.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { cancelJob, type JobJson } from "@/lib/api-client/jobs";
import { jobKeys } from "./job-keys";

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation<JobJson, ApiError | Error, string>({
    mutationFn: cancelJob,
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: jobKeys.detail(job.id) });
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    },
  });
}
