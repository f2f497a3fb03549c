"use client";
import { EventsPanel } from "@/components/events/events-panel";
import { InfraEnvHostsDataTable } from "@/components/hosts/hosts-data-table";
import { ArchBadge } from "@/components/ui/arch-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { useDocumentTitle } from "@/components/ui/use-document-title";
// One infra-env: its facts, the discovery ISO section, events, and delete.
import { ApiError } from "@/lib/api-client/api-error";
import { useInfraEnv } from "@/lib/queries/use-infra-env";
import { DeleteInfraEnvButton } from "./delete-infra-env-button";
import { DiscoveryIsoSection } from "./discovery-iso-section";
import { imageTypeLabel } from "./format";
import { InfraEnvFacts } from "./infra-env-facts";

const back = { href: "/infra-envs", label: "Infra-envs" };

export function InfraEnvDetailPage({ id }: { id: string }) {
  const { data: infraEnv, error, isPending } = useInfraEnv(id);
  useDocumentTitle(infraEnv && `infra-env ${infraEnv.name}`);

  if (isPending) return <LoadingState label="Loading infra-env…" />;
  if (error instanceof ApiError && error.isNotFound) {
    return (
      <>
        <PageHeader title="Infra-env not found" back={back} />
        <EmptyState title="Infra-env not found" action={<ButtonLink href="/infra-envs">Back to infra-envs</ButtonLink>}>
          <p>No infra-env has the id {id}. It may have been deleted.</p>
        </EmptyState>
      </>
    );
  }
  if (error) return <ErrorState error={error} title="Could not load the infra-env" />;

  return (
    <>
      <PageHeader
        back={back}
        title={infraEnv.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <ArchBadge arch={infraEnv.cpu_architecture} />
            <span>OpenShift {infraEnv.openshift_version || "—"}</span>
            <span aria-hidden="true">·</span>
            <span>{imageTypeLabel(infraEnv.type)}</span>
          </span>
        }
        actions={<DeleteInfraEnvButton infraEnv={infraEnv} />}
      />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <InfraEnvFacts infraEnv={infraEnv} />
          <DiscoveryIsoSection infraEnv={infraEnv} />
        </div>
        <div className="self-start">
          <EventsPanel filter={{ infraEnvId: infraEnv.id }} />
        </div>
      </div>
      <div className="mt-5">
        <InfraEnvHostsDataTable infraEnvId={infraEnv.id} />
      </div>
    </>
  );
}
