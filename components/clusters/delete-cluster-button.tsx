"use client";
// Delete, behind a confirmation that says what happens to the cluster's infra-envs.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ClusterJson } from "@/lib/api-client/clusters";
import { useDeleteCluster } from "@/lib/queries/use-delete-cluster";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function DeleteClusterButton({ cluster }: { cluster: ClusterJson }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useDeleteCluster();
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button variant="secondary" className="text-red-700" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onClose={close}
        title={`Delete cluster ${cluster.name}?`}
        confirmLabel="Delete cluster"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => remove.mutate(cluster.id, { onSuccess: () => router.push("/clusters") })}
      >
        <p>The cluster&apos;s registration and settings are removed. This cannot be undone.</p>
        {cluster.infra_env_count > 0 ? (
          <p className="mt-2">
            Its {cluster.infra_env_count} infra-env{cluster.infra_env_count === 1 ? "" : "s"} stay, no longer bound to a cluster (late binding).
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
