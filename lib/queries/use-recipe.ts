"use client";
// One recipe by id; a 404 surfaces as an ApiError with isNotFound.
import { useQuery } from "@tanstack/react-query";
import { getRecipe } from "@/lib/api-client/recipes";
import { recipeKeys } from "./ims-keys";

export function useRecipe(id: string) {
  return useQuery({ queryKey: recipeKeys.detail(id), queryFn: () => getRecipe(id) });
}
