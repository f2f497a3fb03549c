"use client";
// Deletes an ended job with its log (409 while it still runs).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { deleteJob } from "@/lib/api-client/jobs";
import { jobKeys } from "./job-keys";

export function useDeleteJob() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError | Error, string>({
    mutationFn: (id) => deleteJob(id).then(() => undefined),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: jobKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    },
  });
}
