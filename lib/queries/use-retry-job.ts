"use client";
// Starts a new job with an ended job's request (the old one stays as it was).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { type JobJson, retryJob } from "@/lib/api-client/jobs";
import { jobKeys } from "./job-keys";

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation<JobJson, ApiError | Error, string>({
    mutationFn: retryJob,
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    },
  });
}
