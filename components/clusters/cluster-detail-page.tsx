"use client";
// One cluster: its facts, infra-envs and events, with edit and delete.
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { EventsPanel } from "@/components/events/events-panel";
import { ClusterHostsDataTable } from "@/components/hosts/hosts-data-table";
import { ArchBadge } from "@/components/ui/arch-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { ApiError } from "@/lib/api-client/api-error";
import { useCluster } from "@/lib/queries/use-cluster";
import { ClusterFacts } from "./cluster-facts";
import { ClusterInfraEnvs } from "./cluster-infra-envs";
import { ClusterReadiness } from "./cluster-readiness";
import { DeleteClusterButton } from "./delete-cluster-button";
import { EditClusterDialog } from "./edit-cluster-dialog";
import { topologyLabel } from "./format";

const back = { href: "/clusters", label: "Clusters" };

export function ClusterDetailPage({ id }: { id: string }) {
  const { data: cluster, error, isPending } = useCluster(id);
  useDocumentTitle(cluster && `cluster ${cluster.name}`);
  const [editing, setEditing] = useState(false);

  if (isPending) return <LoadingState label="Loading cluster…" />;
  if (error instanceof ApiError && error.isNotFound) {
    return (
      <>
        <PageHeader title="Cluster not found" back={back} />
        <EmptyState title="Cluster not found" action={<ButtonLink href="/clusters">Back to clusters</ButtonLink>}>
          <p>No cluster has the id {id}. It may have been deleted.</p>
        </EmptyState>
      </>
    );
  }
  if (error) return <ErrorState error={error} title="Could not load the cluster" />;

  return (
    <>
      <PageHeader
        back={back}
        title={cluster.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <ArchBadge arch={cluster.cpu_architecture} />
            <span>OpenShift {cluster.openshift_version}</span>
            <span aria-hidden="true">·</span>
            <span>{topologyLabel(cluster.control_plane_count)}</span>
            {cluster.base_dns_domain ? (
              <>
                <span aria-hidden="true">·</span>
                <span>
                  {cluster.name}.{cluster.base_dns_domain}
                </span>
              </>
            ) : null}
          </span>
        }
        actions={
          <>
            <RoleButton action="cluster.update" onClick={() => setEditing(true)}>
              Edit
            </RoleButton>
            <DeleteClusterButton cluster={cluster} />
          </>
        }
      />
      <div className="mb-5">
        <ClusterHostsDataTable clusterId={cluster.id} />
      </div>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <ClusterReadiness cluster={cluster} />
          <ClusterFacts cluster={cluster} />
          <ClusterInfraEnvs clusterId={cluster.id} />
        </div>
        <div className="self-start">
          <EventsPanel filter={{ clusterId: cluster.id }} />
        </div>
      </div>
      <EditClusterDialog cluster={cluster} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}
