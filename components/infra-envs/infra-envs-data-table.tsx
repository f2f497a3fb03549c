"use client";
// Loads one page of infra-envs for the filters and shows the table, or why there is nothing to show.
import { RoleButtonLink } from "@/components/auth/role-button";
import type { ListFilterValues } from "@/components/ims/list-filters";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { PAGE_SIZE, usePageStepBack } from "@/components/ui/use-paged-list";
import { useInfraEnvs } from "@/lib/queries/use-infra-envs";
import { InfraEnvsTable } from "./infra-envs-table";

type Props = {
  filters: ListFilterValues;
  offset: number;
  onOffset: (offset: number) => void;
  onClearFilters: () => void;
};

export function InfraEnvsDataTable({ filters, offset, onOffset, onClearFilters }: Props) {
  const page = useInfraEnvs({
    name: filters.name,
    cpuArchitecture: filters.arch,
    limit: PAGE_SIZE,
    offset,
  });
  usePageStepBack(page, offset, onOffset);
  const { data, error, isPending, isPlaceholderData } = page;

  if (isPending) return <LoadingState label="Loading infra-envs…" />;
  if (error) return <ErrorState error={error} title="Could not load infra-envs" />;
  if (data.total === 0) {
    if (filters.name || filters.arch)
      return (
        <EmptyState
          title="No infra-envs match these filters"
          action={<Button onClick={onClearFilters}>Clear filters</Button>}
        >
          <p>No infra-env has a name containing the text{filters.arch ? " and the architecture" : ""} you chose.</p>
        </EmptyState>
      );
    return (
      <EmptyState
        title="No infra-envs yet"
        action={
          <RoleButtonLink action="infra-env.create" href="/infra-envs/new" variant="primary">
            New infra-env
          </RoleButtonLink>
        }
      >
        <p>
          An infra-env describes a discovery ISO: one CPU architecture, an OpenShift version and the settings hosts boot
          with. Bind it to a cluster now or later.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={isPlaceholderData}>
      <InfraEnvsTable infraEnvs={data.items} showCluster />
      <Pagination label="Infra-env pages" offset={offset} limit={PAGE_SIZE} total={data.total} onOffset={onOffset} />
    </div>
  );
}
