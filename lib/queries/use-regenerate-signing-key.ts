"use client";
// Revokes every discovery ISO link of an infra-env (new signing key); a link still shown is now dead, so it is dropped.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { regenerateSigningKey } from "@/lib/api-client/infra-envs";
import { eventKeys, infraEnvKeys } from "./keys";

export function useRegenerateSigningKey(infraEnvId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError | Error, void>({
    mutationFn: () => regenerateSigningKey(infraEnvId),
    onSuccess: () => {
      void queryClient.resetQueries({ queryKey: infraEnvKeys.imageUrl(infraEnvId) });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
