"use client";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { useOpenshiftVersions } from "@/lib/queries/use-openshift-versions";
import { NewClusterForm } from "./new-cluster-form";

export function NewClusterDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const versions = useOpenshiftVersions();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New cluster"
      description="Architecture, OpenShift version and control plane are fixed once the cluster is created."
      size="lg"
    >
      {versions.data ? (
        Object.keys(versions.data).length ? (
          <NewClusterForm versions={versions.data} onCancel={onClose} onCreated={onClose} />
        ) : (
          <DialogBody>
            <ErrorState
              title="No OpenShift versions"
              error="The image table is empty; add OS and release images first (OS images page)."
            />
          </DialogBody>
        )
      ) : (
        <DialogBody>
          {versions.error ? (
            <ErrorState error={versions.error} title="Could not load OpenShift versions" />
          ) : (
            <LoadingState label="Loading OpenShift versions…" />
          )}
        </DialogBody>
      )}
    </Dialog>
  );
}
