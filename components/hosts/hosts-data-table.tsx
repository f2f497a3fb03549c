"use client";
// The hosts of an infra-env (a page of them, paged on the server) or of a cluster, polled so they
// appear and change live; owns the query and which host's drawer is open (the drawer follows that
// host's fresh data).
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Pagination } from "@/components/ui/pagination";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { PAGE_SIZE, usePageStepBack } from "@/components/ui/use-paged-list";
import type { HostJson } from "@/lib/api-client/hosts";
import { isKnown } from "@/lib/hosts/status";
import { eventKeys, infraEnvKeys } from "@/lib/queries/keys";
import { useClusterHosts } from "@/lib/queries/use-cluster-hosts";
import { useInfraEnvHosts } from "@/lib/queries/use-infra-env-hosts";
import { HostDrawer } from "./host-drawer";
import { HostsTable } from "./hosts-table";

export const NO_HOSTS = "Boot hosts from this infra-env's discovery ISO; they appear here.";

/** What the table shows: its rows, and the totals of every host it pages through. */
type Shown = { hosts: HostJson[]; total: number; known: number };

const signatureOf = ({ hosts, total, known }: Shown) =>
  `${total}:${known}|${hosts.map((h) => `${h.id}:${h.status}:${h.role}:${h.requested_hostname}`).join(",")}`;

/**
 * When hosts come, go or change status, what else shows them (host counts, events) is refetched too.
 * `view` names the page on screen: moving to another page changes the rows but not the hosts.
 */
function useFollowers(shown: Shown | undefined, view: string) {
  const queryClient = useQueryClient();
  const signature = shown && signatureOf(shown);
  const ids = [...new Set(shown?.hosts.map((h) => h.infra_env_id))].join(",");
  const last = useRef<{ view: string; signature?: string }>({ view });
  useEffect(() => {
    if (signature === undefined || last.current.signature === signature) return;
    const moved = last.current.view !== view;
    last.current = { view, signature };
    if (moved) return;
    void queryClient.invalidateQueries({ queryKey: infraEnvKeys.lists() });
    for (const id of ids.split(",").filter(Boolean))
      void queryClient.invalidateQueries({ queryKey: infraEnvKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: eventKeys.all });
  }, [signature, view, ids, queryClient]);
}

function HostsPanel({
  shown,
  error,
  empty,
  busy,
  footer,
}: {
  /** Undefined until the first answer. */
  shown: Shown | undefined;
  error: unknown;
  empty: string;
  busy?: boolean;
  footer?: ReactNode;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  const hosts = shown?.hosts ?? [];
  const total = shown?.total ?? 0;
  return (
    <Panel
      flush
      title="Hosts"
      description={
        total ? `${total} host${total === 1 ? "" : "s"}, ${shown?.known ?? 0} known · updates live` : undefined
      }
    >
      {total ? (
        <div className={busy ? "opacity-60 transition-opacity" : undefined} aria-busy={busy}>
          <HostsTable hosts={hosts} onOpen={(h) => setOpenId(h.id)} />
          {footer}
        </div>
      ) : (
        <div className="p-4">
          {error ? (
            <ErrorState error={error} title="Could not load hosts" />
          ) : !shown ? (
            <LoadingState label="Loading hosts…" />
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
  const [offset, setOffset] = useState(0);
  const page = useInfraEnvHosts(infraEnvId, { limit: PAGE_SIZE, offset });
  usePageStepBack(page, offset, setOffset);
  const { data, error, isPlaceholderData } = page;
  const shown = data && { hosts: data.items, total: data.total, known: data.known };
  useFollowers(isPlaceholderData ? undefined : shown, String(offset));
  return (
    <HostsPanel
      shown={shown}
      error={error}
      empty={NO_HOSTS}
      busy={isPlaceholderData}
      footer={
        <div className="border-t border-slate-200 px-4 pb-3">
          <Pagination
            label="Host pages"
            offset={offset}
            limit={PAGE_SIZE}
            total={data?.total ?? 0}
            onOffset={setOffset}
          />
        </div>
      }
    />
  );
}

/** A cluster's hosts come whole with the cluster (its assisted JSON lists them), so its table is not paged. */
export function ClusterHostsDataTable({ clusterId }: { clusterId: string }) {
  const { data: hosts, error } = useClusterHosts(clusterId);
  const shown = hosts && { hosts, total: hosts.length, known: hosts.filter((h) => isKnown(h.status)).length };
  useFollowers(shown, "cluster");
  return (
    <HostsPanel
      shown={shown}
      error={error}
      empty="Boot hosts from this cluster's infra-env discovery ISO; they appear here."
    />
  );
}
