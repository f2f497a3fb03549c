// The Infra-envs page: every discovery ISO definition, bound or not.
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { InfraEnvsDataTable } from "./infra-envs-data-table";

export function InfraEnvsPage() {
  return (
    <>
      <PageHeader
        title="Infra-envs"
        description="Discovery ISO definitions. Each boots hosts of one CPU architecture."
        actions={
          <ButtonLink href="/infra-envs/new" variant="primary">
            New infra-env
          </ButtonLink>
        }
      />
      <InfraEnvsDataTable />
    </>
  );
}
