"use client";
// Changes a cluster's editable fields (never its architecture, version or topology).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { type ClusterJson, updateCluster } from "@/lib/api-client/clusters";
import type { ClusterUpdate } from "@/lib/clusters/schemas";
import { clusterKeys, eventKeys } from "./keys";

export function useUpdateCluster(id: string) {
  const queryClient = useQueryClient();
  return useMutation<ClusterJson, ApiError | Error, ClusterUpdate>({
    mutationFn: (patch) => updateCluster(id, patch),
    onSuccess: (cluster) => {
      queryClient.setQueryData(clusterKeys.detail(id), cluster);
      void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
