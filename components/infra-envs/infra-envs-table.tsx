// Infra-envs as a table; inside a cluster's page the cluster column is left out.
import Link from "next/link";
import { ArchBadge } from "@/components/ui/arch-badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { InfraEnvJson } from "@/lib/api-client/infra-envs";
import { ClusterLink } from "./cluster-link";
import { imageTypeLabel, LATE_BINDING } from "./format";

type InfraEnvsTableProps = {
  infraEnvs: InfraEnvJson[];
  /** Shows the Cluster column (each bound cluster by name, fetched for the rows shown). */
  showCluster?: boolean;
  bare?: boolean;
  /** Off in narrow places (a cluster's page), where the name and architecture matter more. */
  showCreated?: boolean;
};

export function InfraEnvsTable({ infraEnvs, showCluster, bare, showCreated = true }: InfraEnvsTableProps) {
  return (
    <Table caption="Infra-envs" bare={bare}>
      <THead>
        <Th>Name</Th>
        <Th>CPU architecture</Th>
        <Th>OpenShift version</Th>
        <Th>Image type</Th>
        {showCluster ? <Th>Cluster</Th> : null}
        <Th className="text-right">Hosts</Th>
        {showCreated ? <Th>Created</Th> : null}
      </THead>
      <TBody>
        {infraEnvs.map((e) => (
          <Tr key={e.id}>
            <Td>
              <Link href={`/infra-envs/${e.id}`} className="whitespace-nowrap font-medium text-sky-700 hover:underline">
                {e.name}
              </Link>
            </Td>
            <Td>
              <ArchBadge arch={e.cpu_architecture} />
            </Td>
            <Td className="tabular-nums">{e.openshift_version || "—"}</Td>
            <Td>{imageTypeLabel(e.type)}</Td>
            {showCluster ? (
              <Td>
                {e.cluster_id ? (
                  <ClusterLink id={e.cluster_id} />
                ) : (
                  <span className="text-slate-500">{LATE_BINDING}</span>
                )}
              </Td>
            ) : null}
            <Td className="text-right tabular-nums">{e.host_count}</Td>
            {showCreated ? (
              <Td className="text-slate-600">
                <DateTime value={e.created_at} />
              </Td>
            ) : null}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
