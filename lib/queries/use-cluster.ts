"use client";
// One cluster by id; a 404 surfaces as an ApiError with isNotFound.
import { useQuery } from "@tanstack/react-query";
import { getCluster } from "@/lib/api-client/clusters";
import { clusterKeys } from "./keys";

export function useCluster(id: string) {
  return useQuery({ queryKey: clusterKeys.detail(id), queryFn: () => getCluster(id) });
}
