"use client";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { PAGE_SIZE } from "@/components/ui/use-paged-list";
import { type ArtifactRef, artifactRefOf, useJobArtifacts } from "@/lib/queries/use-job-artifacts";
// Loads one page of jobs (re-read every 2 s while any of them runs) and the names of what they started
// from and produced; shows the table, the empty state, or why nothing matched.
import { useJobs } from "@/lib/queries/use-jobs";
import type { JobsFilterValue } from "./jobs-filters";
import { JobsTable } from "./jobs-table";

type Props = { filter: JobsFilterValue; offset: number; onOffset: (offset: number) => void; onClear: () => void };

export function JobsDataTable({ filter, offset, onOffset, onClear }: Props) {
  const jobs = useJobs({ ...filter, limit: PAGE_SIZE, offset });
  const refs: ArtifactRef[] = (jobs.data?.items ?? []).flatMap((j) => [
    artifactRefOf(j),
    ...(j.resultant_image_id ? [{ kind: "image" as const, id: j.resultant_image_id }] : []),
  ]);
  const artifacts = useJobArtifacts(refs);

  if (jobs.isPending) return <LoadingState label="Loading jobs…" />;
  if (jobs.error) return <ErrorState error={jobs.error} title="Could not load jobs" />;
  const { items, total } = jobs.data;
  if (total === 0 && !filter.status && !filter.job_type && !filter.arch) {
    return (
      <EmptyState
        title="No jobs yet"
        action={
          <div className="flex gap-2">
            <ButtonLink href="/recipes">Recipes</ButtonLink>
            <ButtonLink href="/images">Images</ButtonLink>
          </div>
        }
      >
        <p>
          Jobs are started from a recipe (a <strong>create</strong> job builds a new image from it) or from an image (a{" "}
          <strong>customize</strong> job runs your script inside a copy of it). Open a recipe or an image and start one
          there.
        </p>
        <p>
          A job takes its CPU architecture from that recipe or image. When it differs from the console host&apos;s, the
          job runs under QEMU user emulation, about ten times slower.
        </p>
      </EmptyState>
    );
  }
  if (items.length === 0 && offset > 0) {
    return (
      <EmptyState title="This page is empty" action={<Button onClick={() => onOffset(0)}>First page</Button>}>
        <p>Jobs were deleted since this page was loaded.</p>
      </EmptyState>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState title="No jobs match these filters" action={<Button onClick={onClear}>Clear filters</Button>}>
        <p>No job has this status, type and CPU architecture.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <JobsTable jobs={items} artifacts={artifacts} />
      <Pagination label="Jobs pages" offset={offset} limit={PAGE_SIZE} total={total} onOffset={onOffset} />
    </>
  );
}
