"use client";
// One page of an infra-env's hosts, polled so hosts booting from its ISO appear (and change status)
// live, with the totals the server counts: every host, and the known ones. The previous page stays
// on screen while the next one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listInfraEnvHostPage } from "@/lib/api-client/hosts";
import { spellings } from "@/lib/hosts/status";
import { hostKeys } from "./keys";

export const HOSTS_POLL_MS = 5000;

const KNOWN = spellings("known");

export function useInfraEnvHosts(infraEnvId: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: hostKeys.page(infraEnvId, page),
    queryFn: async () => {
      // The known count is a filtered list's X-Total-Count; its one row is not used.
      const [hosts, known] = await Promise.all([
        listInfraEnvHostPage(infraEnvId, page),
        listInfraEnvHostPage(infraEnvId, { statuses: KNOWN, limit: 1 }),
      ]);
      return { ...hosts, known: known.total };
    },
    refetchInterval: HOSTS_POLL_MS,
    placeholderData: keepPreviousData,
  });
}
