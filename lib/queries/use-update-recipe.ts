"use client";
// Changes a recipe's architecture, DKMS flag or template dictionary.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { patchRecipe, type RecipeJson } from "@/lib/api-client/recipes";
import type { RecipePatch } from "@/lib/recipes/schemas";
import { recipeKeys } from "./ims-keys";

export function useUpdateRecipe(id: string) {
  const queryClient = useQueryClient();
  return useMutation<RecipeJson, ApiError | Error, RecipePatch>({
    mutationFn: (patch) => patchRecipe(id, patch),
    onSuccess: (recipe) => {
      queryClient.setQueryData(recipeKeys.detail(id), recipe);
      void queryClient.invalidateQueries({ queryKey: recipeKeys.lists() });
    },
  });
}
