"use client";
// Loads one page of clusters for the filters and shows the table, or why there is nothing to show.
import { RoleButton } from "@/components/auth/role-button";
import type { ListFilterValues } from "@/components/ims/list-filters";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { PAGE_SIZE, usePageStepBack } from "@/components/ui/use-paged-list";
import { useClusterPage } from "@/lib/queries/use-cluster-page";
import { ClustersTable } from "./clusters-table";

type Props = {
  filters: ListFilterValues;
  offset: number;
  onOffset: (offset: number) => void;
  onClearFilters: () => void;
  onNewCluster: () => void;
};

export function ClustersDataTable({ filters, offset, onOffset, onClearFilters, onNewCluster }: Props) {
  const page = useClusterPage({
    name: filters.name,
    cpuArchitecture: filters.arch,
    limit: PAGE_SIZE,
    offset,
  });
  usePageStepBack(page, offset, onOffset);
  const { data, error, isPending, isPlaceholderData } = page;

  if (isPending) return <LoadingState label="Loading clusters…" />;
  if (error) return <ErrorState error={error} title="Could not load clusters" />;
  if (data.total === 0) {
    if (filters.name || filters.arch)
      return (
        <EmptyState
          title="No clusters match these filters"
          action={<Button onClick={onClearFilters}>Clear filters</Button>}
        >
          <p>No cluster has a name containing the text{filters.arch ? " and the architecture" : ""} you chose.</p>
        </EmptyState>
      );
    return (
      <EmptyState
        title="No clusters yet"
        action={
          <RoleButton action="cluster.create" variant="primary" onClick={onNewCluster}>
            New cluster
          </RoleButton>
        }
      >
        <p>
          A cluster fixes its CPU architecture, OpenShift version and control plane when it is created. Its hosts boot a
          discovery ISO from an infra-env.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={isPlaceholderData}>
      <ClustersTable clusters={data.items} />
      <Pagination label="Cluster pages" offset={offset} limit={PAGE_SIZE} total={data.total} onOffset={onOffset} />
    </div>
  );
}
