"use client";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
// The New infra-env page: waits for versions and clusters, then shows the form.
import { useClusters } from "@/lib/queries/use-clusters";
import { useOpenshiftVersions } from "@/lib/queries/use-openshift-versions";
import { NewInfraEnvForm } from "./new-infra-env-form";

export function NewInfraEnvPage({ clusterId }: { clusterId?: string }) {
  const versions = useOpenshiftVersions();
  const clusters = useClusters();
  const fromCluster = clusterId ? clusters.data?.find((c) => c.id === clusterId) : undefined;
  const missing = clusterId && clusters.data && !fromCluster;
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="New infra-env"
        description="Defines a discovery ISO: hosts that boot it register with this console."
        back={
          fromCluster
            ? { href: `/clusters/${fromCluster.id}`, label: fromCluster.name }
            : { href: "/infra-envs", label: "Infra-envs" }
        }
      />
      {versions.error || clusters.error ? (
        <ErrorState error={versions.error ?? clusters.error} title="Could not load the form" />
      ) : !versions.data || !clusters.data ? (
        <LoadingState label="Loading versions and clusters…" />
      ) : (
        <>
          {missing ? (
            <p
              role="status"
              className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
            >
              No cluster has the id {clusterId}; the infra-env starts out standalone.
            </p>
          ) : null}
          <NewInfraEnvForm
            ctx={{ versions: versions.data, clusters: clusters.data }}
            clusterId={missing ? undefined : clusterId}
          />
        </>
      )}
    </div>
  );
}
