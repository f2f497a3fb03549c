"use client";
// Renames a host or changes its role; the lists it appears in (infra-env, cluster) and events follow.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { type HostJson, updateHost } from "@/lib/api-client/hosts";
import type { HostUpdate } from "@/lib/hosts/schemas";
import { clusterKeys, eventKeys, hostKeys } from "./keys";

export function useUpdateHost(host: Pick<HostJson, "id" | "infra_env_id">) {
  const queryClient = useQueryClient();
  return useMutation<HostJson, ApiError | Error, HostUpdate>({
    mutationFn: (patch) => updateHost(host.infra_env_id, host.id, patch),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hostKeys.all });
      void queryClient.invalidateQueries({ queryKey: clusterKeys.all });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
