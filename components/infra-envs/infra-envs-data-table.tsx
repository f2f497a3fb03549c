"use client";
// Loads infra-envs (and cluster names for the bound ones) and shows the table or the empty state.
import { useMemo } from "react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { useClusters } from "@/lib/queries/use-clusters";
import { useInfraEnvs } from "@/lib/queries/use-infra-envs";
import { InfraEnvsTable } from "./infra-envs-table";

export function InfraEnvsDataTable() {
  const infraEnvs = useInfraEnvs();
  const clusters = useClusters();
  const names = useMemo(() => new Map((clusters.data ?? []).map((c) => [c.id, c.name])), [clusters.data]);

  if (infraEnvs.isPending) return <LoadingState label="Loading infra-envs…" />;
  if (infraEnvs.error) return <ErrorState error={infraEnvs.error} title="Could not load infra-envs" />;
  if (infraEnvs.data.length === 0) {
    return (
      <EmptyState
        title="No infra-envs yet"
        action={
          <ButtonLink href="/infra-envs/new" variant="primary">
            New infra-env
          </ButtonLink>
        }
      >
        <p>
          An infra-env describes a discovery ISO: one CPU architecture, an OpenShift version and the settings hosts boot
          with. Bind it to a cluster now or later.
        </p>
      </EmptyState>
    );
  }
  return <InfraEnvsTable infraEnvs={infraEnvs.data} clusterNames={names} />;
}
