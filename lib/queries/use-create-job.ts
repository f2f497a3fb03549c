"use client";
// Starts a create or customize job; the new job goes in the cache so its page renders at once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { createJob, type JobCreateBody, type JobJson } from "@/lib/api-client/jobs";
import { jobKeys } from "./job-keys";

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation<JobJson, ApiError | Error, JobCreateBody>({
    mutationFn: createJob,
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    },
  });
}
