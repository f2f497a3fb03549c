"use client";
// Infra-envs, all of them or those bound to one cluster.
import { useQuery } from "@tanstack/react-query";
import { type InfraEnvFilter, listInfraEnvs } from "@/lib/api-client/infra-envs";
import { infraEnvKeys } from "./keys";

export function useInfraEnvs(filter: InfraEnvFilter = {}) {
  return useQuery({ queryKey: infraEnvKeys.list(filter), queryFn: () => listInfraEnvs(filter) });
}
