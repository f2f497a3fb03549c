"use client";
// Loads one page of recipes for the filters and shows the table, or what to do when there are none.
import { RoleButton } from "@/components/auth/role-button";
import type { ListFilterValues } from "@/components/ims/list-filters";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { PAGE_SIZE, usePageStepBack } from "@/components/ui/use-paged-list";
import { useRecipes } from "@/lib/queries/use-recipes";
import { RecipesTable } from "./recipes-table";

type Props = {
  filters: ListFilterValues;
  offset: number;
  onOffset: (offset: number) => void;
  onClearFilters: () => void;
  onNewRecipe: () => void;
};

export function RecipesDataTable({ filters, offset, onOffset, onClearFilters, onNewRecipe }: Props) {
  const page = useRecipes({
    name: filters.name,
    arch: filters.arch,
    limit: PAGE_SIZE,
    offset,
  });

  usePageStepBack(page, offset, onOffset);
  const { data, error, isPending, isPlaceholderData } = page;

  if (isPending) return <LoadingState label="Loading recipes…" />;
  if (error) return <ErrorState error={error} title="Could not load recipes" />;
  if (data.total === 0) {
    if (filters.name || filters.arch) {
      return (
        <EmptyState
          title="No recipes match these filters"
          action={<Button onClick={onClearFilters}>Clear filters</Button>}
        >
          <p>No recipe has a name containing the text{filters.arch ? " and the architecture" : ""} you chose.</p>
        </EmptyState>
      );
    }
    return (
      <EmptyState
        title="No recipes yet"
        action={
          <RoleButton action="recipe.create" variant="primary" onClick={onNewRecipe}>
            New recipe
          </RoleButton>
        }
      >
        <p>
          A recipe is an archive (kiwi-ng description, Packer template or rootfs script) with a CPU architecture. Build
          jobs run it natively on hosts of that architecture, or under QEMU emulation elsewhere.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={isPlaceholderData}>
      <RecipesTable recipes={data.items} />
      <Pagination label="Recipe pages" offset={offset} limit={PAGE_SIZE} total={data.total} onOffset={onOffset} />
    </div>
  );
}
