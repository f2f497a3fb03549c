"use client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
// Loads the clusters and shows the table, or what to do when there are none.
import { useClusters } from "@/lib/queries/use-clusters";
import { ClustersTable } from "./clusters-table";

export function ClustersDataTable({ onNewCluster }: { onNewCluster: () => void }) {
  const { data, error, isPending } = useClusters();
  if (isPending) return <LoadingState label="Loading clusters…" />;
  if (error) return <ErrorState error={error} title="Could not load clusters" />;
  if (data.length === 0) {
    return (
      <EmptyState
        title="No clusters yet"
        action={
          <Button variant="primary" onClick={onNewCluster}>
            New cluster
          </Button>
        }
      >
        <p>
          A cluster fixes its CPU architecture, OpenShift version and control plane when it is created. Its hosts boot a
          discovery ISO from an infra-env.
        </p>
      </EmptyState>
    );
  }
  return <ClustersTable clusters={data} />;
}
