"use client";
// Registers a cluster; the new cluster is put in the cache so its page renders at once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { type ClusterJson, createCluster } from "@/lib/api-client/clusters";
import type { ClusterCreate } from "@/lib/clusters/schemas";
import { clusterKeys, eventKeys } from "./keys";

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation<ClusterJson, ApiError | Error, ClusterCreate>({
    mutationFn: createCluster,
    onSuccess: (cluster) => {
      queryClient.setQueryData(clusterKeys.detail(cluster.id), cluster);
      void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
