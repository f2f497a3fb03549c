"use client";
// One infra-env by id; a 404 surfaces as an ApiError with isNotFound.
import { useQuery } from "@tanstack/react-query";
import { getInfraEnv } from "@/lib/api-client/infra-envs";
import { infraEnvKeys } from "./keys";

export function useInfraEnv(id: string) {
  return useQuery({ queryKey: infraEnvKeys.detail(id), queryFn: () => getInfraEnv(id) });
}
