"use client";
// Deregisters an infra-env (the server refuses while hosts are still registered to it).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { deleteInfraEnv } from "@/lib/api-client/infra-envs";
import { clusterKeys, eventKeys, infraEnvKeys } from "./keys";

export function useDeleteInfraEnv() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError | Error, string>({
    mutationFn: deleteInfraEnv,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: infraEnvKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: infraEnvKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: clusterKeys.all });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
