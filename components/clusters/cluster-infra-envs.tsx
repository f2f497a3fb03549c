"use client";
import { RoleButtonLink } from "@/components/auth/role-button";
import { InfraEnvsTable } from "@/components/infra-envs/infra-envs-table";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
// The infra-envs bound to one cluster, and the way to add another.
import { useInfraEnvs } from "@/lib/queries/use-infra-envs";

export function ClusterInfraEnvs({ clusterId }: { clusterId: string }) {
  const { data, error, isPending } = useInfraEnvs({ clusterId });
  return (
    <Panel
      flush
      title="Infra-envs"
      description="Discovery ISOs whose hosts join this cluster"
      actions={
        <RoleButtonLink action="infra-env.create" href={`/infra-envs/new?cluster_id=${clusterId}`} size="sm">
          Add infra-env
        </RoleButtonLink>
      }
    >
      {data?.items.length ? (
        <InfraEnvsTable infraEnvs={data.items} bare showCreated={false} />
      ) : (
        <div className="p-4">
          {isPending ? (
            <LoadingState label="Loading infra-envs…" />
          ) : error ? (
            <ErrorState error={error} title="Could not load infra-envs" />
          ) : (
            <p className="text-sm text-slate-500">
              No infra-env yet. Add one to get a discovery ISO for this cluster&apos;s hosts.
            </p>
          )}
        </div>
      )}
    </Panel>
  );
}
