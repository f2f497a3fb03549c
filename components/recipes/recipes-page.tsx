"use client";
// The Recipes page: filters, the paged list, and the New recipe dialog.
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { ListFilters, type ListFilterValues } from "@/components/ims/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { NewRecipeDialog } from "./new-recipe-dialog";
import { RecipesDataTable } from "./recipes-data-table";

export function RecipesPage() {
  const [creating, setCreating] = useState(false);
  const [filters, setFilters] = useState<ListFilterValues>({ name: "", arch: "" });
  const [offset, setOffset] = useState(0);
  const changeFilters = (next: ListFilterValues) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <>
      <PageHeader
        title="Recipes"
        description="Image recipes (kiwi-ng, packer, rootfs scripts) that build jobs turn into images. A recipe's architecture becomes the architecture of every image built from it."
        actions={
          <RoleButton action="recipe.create" variant="primary" onClick={() => setCreating(true)}>
            New recipe
          </RoleButton>
        }
      />
      <ListFilters what="recipes" value={filters} onChange={changeFilters} />
      <RecipesDataTable
        filters={filters}
        offset={offset}
        onOffset={setOffset}
        onClearFilters={() => changeFilters({ name: "", arch: "" })}
        onNewRecipe={() => setCreating(true)}
      />
      <NewRecipeDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
