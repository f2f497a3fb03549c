"use client";
// The Infra-envs page: every discovery ISO definition, bound or not, filtered and paged on the server.
import { useState } from "react";
import { RoleButtonLink } from "@/components/auth/role-button";
import { ListFilters, type ListFilterValues } from "@/components/ims/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { InfraEnvsDataTable } from "./infra-envs-data-table";

const NO_FILTERS: ListFilterValues = { name: "", arch: "" };

export function InfraEnvsPage() {
  const [filters, setFilters] = useState(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const changeFilters = (next: ListFilterValues) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <>
      <PageHeader
        title="Infra-envs"
        description="Discovery ISO definitions. Each boots hosts of one CPU architecture."
        actions={
          <RoleButtonLink action="infra-env.create" href="/infra-envs/new" variant="primary">
            New infra-env
          </RoleButtonLink>
        }
      />
      <ListFilters what="infra-envs" value={filters} onChange={changeFilters} />
      <InfraEnvsDataTable
        filters={filters}
        offset={offset}
        onOffset={setOffset}
        onClearFilters={() => changeFilters(NO_FILTERS)}
      />
    </>
  );
}
