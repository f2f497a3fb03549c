"use client";
// The Images page: filters and the paged list. Images come from imports and jobs, not a form here.
import { useState } from "react";
import { ListFilters, type ListFilterValues } from "@/components/ims/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { ImagesDataTable } from "./images-data-table";

export function ImagesPage() {
  const [filters, setFilters] = useState<ListFilterValues>({ name: "", arch: "" });
  const [offset, setOffset] = useState(0);
  const changeFilters = (next: ListFilterValues) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <>
      <PageHeader
        title="Images"
        description="Boot images (root filesystem, kernel, initrd) built from recipes or customized from other images. An image keeps the architecture of the recipe or base image it came from."
      />
      <ListFilters what="images" value={filters} onChange={changeFilters} />
      <ImagesDataTable
        filters={filters}
        offset={offset}
        onOffset={setOffset}
        onClearFilters={() => changeFilters({ name: "", arch: "" })}
      />
    </>
  );
}
