"use client";
// The Clusters page: list plus the New cluster dialog.
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { PageHeader } from "@/components/ui/page-header";
import { ClustersDataTable } from "./clusters-data-table";
import { NewClusterDialog } from "./new-cluster-dialog";

export function ClustersPage() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Clusters"
        description="OpenShift clusters installed from discovery ISOs, one CPU architecture each (or a multi-architecture payload)."
        actions={
          <RoleButton needs="operator" variant="primary" onClick={() => setCreating(true)}>
            New cluster
          </RoleButton>
        }
      />
      <ClustersDataTable onNewCluster={() => setCreating(true)} />
      <NewClusterDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
