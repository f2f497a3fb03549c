"use client";
// Loads one page of images for the filters and shows the table, or why there is nothing to show.
import type { ListFilterValues } from "@/components/ims/list-filters";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { PAGE_SIZE, usePageStepBack } from "@/components/ui/use-paged-list";
import { useImages } from "@/lib/queries/use-images";
import { ImagesTable } from "./images-table";

type Props = {
  filters: ListFilterValues;
  offset: number;
  onOffset: (offset: number) => void;
  onClearFilters: () => void;
};

export function ImagesDataTable({ filters, offset, onOffset, onClearFilters }: Props) {
  const page = useImages({
    name: filters.name,
    arch: filters.arch,
    limit: PAGE_SIZE,
    offset,
  });

  usePageStepBack(page, offset, onOffset);
  const { data, error, isPending, isPlaceholderData } = page;

  if (isPending) return <LoadingState label="Loading images…" />;
  if (error) return <ErrorState error={error} title="Could not load images" />;
  if (data.total === 0) {
    if (filters.name || filters.arch) {
      return (
        <EmptyState
          title="No images match these filters"
          action={<Button onClick={onClearFilters}>Clear filters</Button>}
        >
          <p>No image has a name containing the text{filters.arch ? " and the architecture" : ""} you chose.</p>
        </EmptyState>
      );
    }
    return (
      <EmptyState title="No images yet">
        <p>
          Images appear here when a build job turns a recipe into one, when a customize job changes another image, or
          when one is imported through the API (artifacts, then a manifest). Each keeps the CPU architecture of the
          recipe or base image it came from.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={isPlaceholderData}>
      <ImagesTable images={data.items} />
      <Pagination label="Image pages" offset={offset} limit={PAGE_SIZE} total={data.total} onOffset={onOffset} />
    </div>
  );
}
