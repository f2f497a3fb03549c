"use client";
// One page of clusters, filtered by name and architecture, newest first; the previous page stays on
// screen while the next one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ClusterFilter, listClusterPage } from "@/lib/api-client/clusters";
import { clusterKeys } from "./keys";

export function useClusterPage(filter: ClusterFilter) {
  return useQuery({
    queryKey: clusterKeys.page(filter),
    queryFn: () => listClusterPage(filter),
    placeholderData: keepPreviousData,
  });
}
