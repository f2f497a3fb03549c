"use client";
// Deletes a recipe (refused with 409 while jobs build from it).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { deleteRecipe } from "@/lib/api-client/recipes";
import { recipeKeys } from "./ims-keys";

export function useDeleteRecipe() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError | Error, string>({
    mutationFn: deleteRecipe,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: recipeKeys.detail(id) });
      queryClient.removeQueries({ queryKey: recipeKeys.uploadReport(id) });
      void queryClient.invalidateQueries({ queryKey: recipeKeys.lists() });
    },
  });
}
