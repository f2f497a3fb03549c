"use client";
// The hosts of an infra-env or of a cluster, polled so they appear and change live; owns the query
// and which host's drawer is open (the drawer follows that host's fresh data).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import type { HostJson } from "@/lib/api-client/hosts";
import { isKnown } from "@/lib/hosts/status";
import { eventKeys, infraEnvKeys } from "@/lib/queries/keys";
import { useClusterHosts } from "@/lib/queries/use-cluster-hosts";
import { useInfraEnvHosts } from "@/lib/queries/use-infra-env-hosts";
import { HostDrawer } from "./host-drawer";
import { HostsTable } from "./hosts-table";

export const NO_HOSTS = "Boot hosts from this infra-env's discovery ISO; they appear here.";

/** When hosts come, go or change status, what else shows them (host counts, events) is refetched too. */
function useFollowers(hosts: HostJson[]) {
  const queryClient = useQueryClient();
  const signature = hosts.map((h) => `${h.id}:${h.status}:${h.role}:${h.requested_hostname}`).join(",");
  const last = useRef(signature);
  useEffect(() => {
    if (last.current === signature) return;
    last.current = signature;
    void queryClient.invalidateQueries({ queryKey: infraEnvKeys.lists() });
    for (const id of new Set(hosts.map((h) => h.infra_env_id)))
      void queryClient.invalidateQueries({ queryKey: infraEnvKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: eventKeys.all });
  }, [signature, queryClient, hosts]);
}

function HostsPanel({
  query,
  empty,
}: {
  query: { data?: HostJson[]; error: unknown; isPending: boolean };
  empty: string;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  const hosts = query.data ?? [];
  useFollowers(hosts);
  const known = hosts.filter((h) => isKnown(h.status)).length;
  return (
    <Panel
      flush
      title="Hosts"
      description={
        hosts.length ? `${hosts.length} host${hosts.length === 1 ? "" : "s"}, ${known} known · updates live` : undefined
      }
    >
      {hosts.length ? (
        <HostsTable hosts={hosts} onOpen={(h) => setOpenId(h.id)} />
      ) : (
        <div className="p-4">
          {query.isPending ? (
            <LoadingState label="Loading hosts…" />
          ) : query.error ? (
            <ErrorState error={query.error} title="Could not load hosts" />
          ) : (
            <p className="text-sm text-slate-500">{empty}</p>
          )}
        </div>
      )}
      <HostDrawer host={hosts.find((h) => h.id === openId) ?? null} onClose={() => setOpenId(null)} />
    </Panel>
  );
}

export function InfraEnvHostsDataTable({ infraEnvId }: { infraEnvId: string }) {
  return <HostsPanel query={useInfraEnvHosts(infraEnvId)} empty={NO_HOSTS} />;
}

export function ClusterHostsDataTable({ clusterId }: { clusterId: string }) {
  return (
    <HostsPanel
      query={useClusterHosts(clusterId)}
      empty="Boot hosts from this cluster's infra-env discovery ISO; they appear here."
    />
  );
}
