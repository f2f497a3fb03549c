"use client";
// All clusters, newest first.
import { useQuery } from "@tanstack/react-query";
import { listClusters } from "@/lib/api-client/clusters";
import { clusterKeys } from "./keys";

export function useClusters() {
  return useQuery({ queryKey: clusterKeys.lists(), queryFn: listClusters });
}
