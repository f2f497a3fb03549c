"use client";
// Starts (or joins) the job that fetches and verifies an OS image row's base ISO; the table shows
// "fetching" for every row sharing that ISO once refetched.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { type FetchStartedJson, fetchBaseImage } from "@/lib/api-client/os-images";
import { catalogKeys } from "./keys";

export function useFetchBaseImage() {
  const queryClient = useQueryClient();
  return useMutation<FetchStartedJson, ApiError | Error, number>({
    mutationFn: fetchBaseImage,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: catalogKeys.imageTable() }),
  });
}
