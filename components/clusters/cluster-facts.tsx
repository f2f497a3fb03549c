// A cluster's facts, read-only: architecture, version and topology are create-only by design.

import { ArchBadge } from "@/components/ui/arch-badge";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import type { ClusterJson } from "@/lib/api-client/clusters";
import { findOperator } from "@/lib/catalog/operators";
import { statusLabel, statusTone, topologyLabel } from "./format";

const FIXED = "Set at creation; cannot be changed";

function NotSet() {
  return <span className="text-slate-500">Not set</span>;
}

export function ClusterFacts({ cluster }: { cluster: ClusterJson }) {
  const keyType = cluster.ssh_public_key.trim().split(/\s+/)[0];
  return (
    <Panel title="Details">
      <DescriptionList>
        <DescriptionItem term="CPU architecture">
          <ArchBadge arch={cluster.cpu_architecture} />
          <p className="mt-1 text-xs text-slate-500">{FIXED}</p>
        </DescriptionItem>
        <DescriptionItem term="Status">
          <Badge tone={statusTone(cluster.status)}>{statusLabel(cluster.status)}</Badge>
          <p className="mt-1 text-xs text-slate-500">See Readiness for what is missing</p>
        </DescriptionItem>
        <DescriptionItem term="OpenShift version">
          <span className="tabular-nums">{cluster.openshift_version}</span>
          <p className="mt-1 text-xs text-slate-500">{FIXED}</p>
        </DescriptionItem>
        <DescriptionItem term="Control plane">
          {topologyLabel(cluster.control_plane_count)}
          <p className="mt-1 text-xs text-slate-500">{FIXED}</p>
        </DescriptionItem>
        <DescriptionItem term="Release image" wide>
          {cluster.ocp_release_image ? (
            <code className="break-all font-mono text-xs">{cluster.ocp_release_image}</code>
          ) : (
            <NotSet />
          )}
        </DescriptionItem>
        <DescriptionItem term="Base domain">{cluster.base_dns_domain || <NotSet />}</DescriptionItem>
        <DescriptionItem term="Operators">
          {cluster.olm_operators.length ? (
            <ul className="space-y-0.5">
              {cluster.olm_operators.map((op) => (
                <li key={op.name}>{findOperator(op.name)?.title ?? op.name}</li>
              ))}
            </ul>
          ) : (
            <span className="text-slate-500">None</span>
          )}
        </DescriptionItem>
        <DescriptionItem term="SSH public key">
          {cluster.ssh_public_key ? `Set (${keyType})` : <NotSet />}
        </DescriptionItem>
        <DescriptionItem term="Pull secret">{cluster.pull_secret_set ? "Set" : <NotSet />}</DescriptionItem>
        <DescriptionItem term="Hosts">{cluster.total_host_count}</DescriptionItem>
        <DescriptionItem term="Created">
          <DateTime value={cluster.created_at} />
        </DescriptionItem>
      </DescriptionList>
    </Panel>
  );
}
