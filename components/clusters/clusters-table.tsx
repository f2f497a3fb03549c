// The clusters list as a table: name (to the detail page), status, architecture, version, topology.
// Status comes second so a narrow screen still shows it without scrolling the table.
import Link from "next/link";
import { ArchBadge } from "@/components/ui/arch-badge";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { ClusterJson } from "@/lib/api-client/clusters";
import { statusLabel, statusTone, topologyLabel } from "./format";

export function ClustersTable({ clusters }: { clusters: ClusterJson[] }) {
  return (
    <Table caption="Clusters">
      <THead>
        <Th>Name</Th>
        <Th>Status</Th>
        <Th>CPU architecture</Th>
        <Th>OpenShift version</Th>
        <Th>Control plane</Th>
        <Th className="text-right">Infra-envs</Th>
        <Th>Created</Th>
      </THead>
      <TBody>
        {clusters.map((c) => (
          <Tr key={c.id}>
            <Td>
              <Link href={`/clusters/${c.id}`} className="whitespace-nowrap font-medium text-sky-700 hover:underline">
                {c.name}
              </Link>
              {c.base_dns_domain ? <div className="text-xs text-slate-500">{c.base_dns_domain}</div> : null}
            </Td>
            <Td>
              <Badge tone={statusTone(c.status)} title={c.status_info}>
                {statusLabel(c.status)}
              </Badge>
            </Td>
            <Td>
              <ArchBadge arch={c.cpu_architecture} />
            </Td>
            <Td className="tabular-nums">{c.openshift_version}</Td>
            <Td>{topologyLabel(c.control_plane_count)}</Td>
            <Td className="text-right tabular-nums">{c.infra_env_count}</Td>
            <Td className="text-slate-600">
              <DateTime value={c.created_at} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
