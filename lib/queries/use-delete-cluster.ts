"use client";
// Deregisters a cluster. Its infra-envs stay but become unbound, so their lists are refetched too.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { deleteCluster } from "@/lib/api-client/clusters";
import { clusterKeys, eventKeys, infraEnvKeys } from "./keys";

export function useDeleteCluster() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError | Error, string>({
    mutationFn: deleteCluster,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: clusterKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: infraEnvKeys.all });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
