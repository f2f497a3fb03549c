"use client";
// The Clusters page: filters, the paged list and the New cluster dialog.
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { ListFilters, type ListFilterValues } from "@/components/ims/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { ClustersDataTable } from "./clusters-data-table";
import { NewClusterDialog } from "./new-cluster-dialog";

const NO_FILTERS: ListFilterValues = { name: "", arch: "" };

export function ClustersPage() {
  const [creating, setCreating] = useState(false);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const changeFilters = (next: ListFilterValues) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <>
      <PageHeader
        title="Clusters"
        description="OpenShift clusters installed from discovery ISOs, one CPU architecture each (or a multi-architecture payload)."
        actions={
          <RoleButton action="cluster.create" variant="primary" onClick={() => setCreating(true)}>
            New cluster
          </RoleButton>
        }
      />
      <ListFilters what="clusters" value={filters} onChange={changeFilters} />
      <ClustersDataTable
        filters={filters}
        offset={offset}
        onOffset={setOffset}
        onClearFilters={() => changeFilters(NO_FILTERS)}
        onNewCluster={() => setCreating(true)}
      />
      <NewClusterDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
