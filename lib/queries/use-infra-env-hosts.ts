"use client";
// An infra-env's hosts, polled so hosts booting from its ISO appear (and change status) live.
import { useQuery } from "@tanstack/react-query";
import { listInfraEnvHosts } from "@/lib/api-client/hosts";
import { hostKeys } from "./keys";

export const HOSTS_POLL_MS = 5000;

export function useInfraEnvHosts(infraEnvId: string) {
  return useQuery({
    queryKey: hostKeys.ofInfraEnv(infraEnvId),
    queryFn: () => listInfraEnvHosts(infraEnvId),
    refetchInterval: HOSTS_POLL_MS,
  });
}
