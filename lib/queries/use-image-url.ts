"use client";
// The discovery ISO link of one infra-env, fetched only on demand (Generate, Refresh link). While the
// base ISO is still being fetched the server answers 503 with Retry-After: react-query retries after
// that long, for as long as it takes, and failureReason carries the server's detail meanwhile.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-client/api-error";
import { getImageUrl } from "@/lib/api-client/infra-envs";
import { infraEnvKeys } from "./keys";

const DEFAULT_RETRY_SECONDS = 5;

export function isPreparing(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 503;
}

export function retryDelaySeconds(error: unknown): number {
  return isPreparing(error)
    ? Math.min(Math.max(error.retryAfter ?? DEFAULT_RETRY_SECONDS, 1), 60)
    : DEFAULT_RETRY_SECONDS;
}

export function useImageUrl(infraEnvId: string) {
  const queryClient = useQueryClient();
  const queryKey = infraEnvKeys.imageUrl(infraEnvId);
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const link = await getImageUrl(infraEnvId, { signal });
      // Issuing a link records the ISO's size, sha256 and OS image version on the infra-env.
      void queryClient.invalidateQueries({ queryKey: infraEnvKeys.detail(infraEnvId) });
      return link;
    },
    enabled: false,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: (_, error) => isPreparing(error),
    retryDelay: (_, error) => retryDelaySeconds(error) * 1000,
  });
  return {
    ...query,
    /** Stops waiting for the base ISO; whatever link was shown before stays. */
    cancel: () => queryClient.cancelQueries({ queryKey }),
  };
}
