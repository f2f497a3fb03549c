"use client";
// The Jobs page: every create and customize job, filtered and paged; the filters live in the URL so a
// filtered list can be shared or reloaded.
import { useState } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { JobsDataTable } from "./jobs-data-table";
import { JobsFilters, type JobsFilterValue } from "./jobs-filters";

type Props = { initialFilter: JobsFilterValue; initialOffset: number };

function writeUrl(filter: JobsFilterValue, offset: number) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  if (offset) params.set("offset", String(offset));
  const qs = params.toString();
  window.history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
}

export function JobsPage({ initialFilter, initialOffset }: Props) {
  const [filter, setFilter] = useState(initialFilter);
  const [offset, setOffset] = useState(initialOffset);
  const apply = (f: JobsFilterValue, o: number) => {
    setFilter(f);
    setOffset(o);
    writeUrl(f, o);
  };
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Create and customize jobs that build images, with their live logs. Each job runs with the CPU architecture of the recipe or image it started from."
      />
      <JobsFilters value={filter} onChange={(f) => apply(f, 0)} />
      <JobsDataTable filter={filter} offset={offset} onOffset={(o) => apply(filter, o)} onClear={() => apply({}, 0)} />
    </>
  );
}
