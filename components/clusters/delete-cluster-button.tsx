"use client";
// Delete a cluster, with a confirmation that says what happens to its infra-envs.
import { useRouter } from "next/navigation";
import { DeleteButton } from "@/components/ui/delete-button";
import type { ClusterJson } from "@/lib/api-client/clusters";
import { useDeleteCluster } from "@/lib/queries/use-delete-cluster";

export function DeleteClusterButton({ cluster }: { cluster: ClusterJson }) {
  const router = useRouter();
  return (
    <DeleteButton
      action="cluster.delete"
      id={cluster.id}
      mutation={useDeleteCluster()}
      title={`Delete cluster ${cluster.name}?`}
      confirmLabel="Delete cluster"
      onDeleted={() => router.push("/clusters")}
    >
      <p>The cluster&apos;s registration and settings are removed. This cannot be undone.</p>
      {cluster.infra_env_count > 0 ? (
        <p className="mt-2">
          Its {cluster.infra_env_count} infra-env{cluster.infra_env_count === 1 ? "" : "s"} stay, no longer bound to a
          cluster (late binding).
        </p>
      ) : null}
    </DeleteButton>
  );
}
