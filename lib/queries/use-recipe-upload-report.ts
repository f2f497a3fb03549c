"use client";
// The report (files, warnings) of the archive upload made from this browser, if any: the server
// answers it once and does not store it. Dismissing forgets it.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { RecipeArchiveReport } from "@/lib/api-client/recipes";
import { recipeKeys } from "./ims-keys";

export function useRecipeUploadReport(id: string) {
  const queryClient = useQueryClient();
  const { data } = useQuery<RecipeArchiveReport | null>({
    queryKey: recipeKeys.uploadReport(id),
    // Nothing to fetch: the entry is only ever written by an upload.
    queryFn: () => null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  return { report: data ?? null, dismiss: () => queryClient.setQueryData(recipeKeys.uploadReport(id), null) };
}
