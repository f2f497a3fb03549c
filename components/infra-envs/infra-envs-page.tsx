// The Infra-envs page: every discovery ISO definition, bound or not.
import { RoleButtonLink } from "@/components/auth/role-button";
import { PageHeader } from "@/components/ui/page-header";
import { InfraEnvsDataTable } from "./infra-envs-data-table";

export function InfraEnvsPage() {
  return (
    <>
      <PageHeader
        title="Infra-envs"
        description="Discovery ISO definitions. Each boots hosts of one CPU architecture."
        actions={
          <RoleButtonLink needs="operator" href="/infra-envs/new" variant="primary">
            New infra-env
          </RoleButtonLink>
        }
      />
      <InfraEnvsDataTable />
    </>
  );
}
