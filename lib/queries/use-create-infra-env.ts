"use client";
// Registers an infra-env; a bound one changes its cluster's infra-env count, so clusters refetch too.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { createInfraEnv, type InfraEnvJson } from "@/lib/api-client/infra-envs";
import type { InfraEnvCreate } from "@/lib/infra-envs/schemas";
import { clusterKeys, eventKeys, infraEnvKeys } from "./keys";

export function useCreateInfraEnv() {
  const queryClient = useQueryClient();
  return useMutation<InfraEnvJson, ApiError | Error, InfraEnvCreate>({
    mutationFn: createInfraEnv,
    onSuccess: (infraEnv) => {
      queryClient.setQueryData(infraEnvKeys.detail(infraEnv.id), infraEnv);
      void queryClient.invalidateQueries({ queryKey: infraEnvKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: clusterKeys.all });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
