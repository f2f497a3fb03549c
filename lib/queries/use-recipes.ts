"use client";
// One page of recipes, filtered by name and architecture; the previous page stays on screen while
// the next one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ImsListFilter } from "@/lib/api-client/ims-page";
import { listRecipes } from "@/lib/api-client/recipes";
import { recipeKeys } from "./ims-keys";

export function useRecipes(filter: ImsListFilter) {
  return useQuery({
    queryKey: recipeKeys.list(filter),
    queryFn: () => listRecipes(filter),
    placeholderData: keepPreviousData,
  });
}
