"use client";
// A page of infra-envs (all of them without a limit), or those bound to one cluster; the previous
// page stays on screen while the next one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type InfraEnvFilter, listInfraEnvs } from "@/lib/api-client/infra-envs";
import { infraEnvKeys } from "./keys";

export function useInfraEnvs(filter: InfraEnvFilter = {}) {
  return useQuery({
    queryKey: infraEnvKeys.list(filter),
    queryFn: () => listInfraEnvs(filter),
    placeholderData: keepPreviousData,
  });
}
