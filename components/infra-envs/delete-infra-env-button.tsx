"use client";
// Delete an infra-env; the server refuses while hosts are registered, and the dialog says so.
import { useRouter } from "next/navigation";
import { DeleteButton } from "@/components/ui/delete-button";
import type { InfraEnvJson } from "@/lib/api-client/infra-envs";
import { useDeleteInfraEnv } from "@/lib/queries/use-delete-infra-env";

export function DeleteInfraEnvButton({ infraEnv }: { infraEnv: InfraEnvJson }) {
  const router = useRouter();
  return (
    <DeleteButton
      action="infra-env.delete"
      id={infraEnv.id}
      mutation={useDeleteInfraEnv()}
      title={`Delete infra-env ${infraEnv.name}?`}
      confirmLabel="Delete infra-env"
      onDeleted={() => router.push(infraEnv.cluster_id ? `/clusters/${infraEnv.cluster_id}` : "/infra-envs")}
    >
      <p>Discovery ISOs already downloaded stop registering hosts with this console. This cannot be undone.</p>
    </DeleteButton>
  );
}
