"use client";
// A cluster's hosts, read from the cluster itself (its JSON lists them) and polled, so the hosts
// table and the readiness checklist on the cluster page update together.
import { useQuery } from "@tanstack/react-query";
import { getCluster } from "@/lib/api-client/clusters";
import { clusterKeys } from "./keys";
import { HOSTS_POLL_MS } from "./use-infra-env-hosts";

export function useClusterHosts(clusterId: string) {
  return useQuery({
    queryKey: clusterKeys.detail(clusterId),
    queryFn: () => getCluster(clusterId),
    refetchInterval: HOSTS_POLL_MS,
    select: (cluster) => cluster.hosts ?? [],
  });
}
