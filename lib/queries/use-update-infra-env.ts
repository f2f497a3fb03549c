"use client";
// Changes an infra-env's editable fields; its discovery ISO follows, so the current link is refetched by whoever asks next.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { type InfraEnvJson, updateInfraEnv } from "@/lib/api-client/infra-envs";
import type { InfraEnvUpdate } from "@/lib/infra-envs/schemas";
import { eventKeys, infraEnvKeys } from "./keys";

export function useUpdateInfraEnv(id: string) {
  const queryClient = useQueryClient();
  return useMutation<InfraEnvJson, ApiError | Error, InfraEnvUpdate>({
    mutationFn: (patch) => updateInfraEnv(id, patch),
    onSuccess: (infraEnv) => {
      queryClient.setQueryData(infraEnvKeys.detail(id), infraEnv);
      void queryClient.invalidateQueries({ queryKey: infraEnvKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
