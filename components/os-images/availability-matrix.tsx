// Which architecture each OpenShift version offers, and why not where it does not: the same
// answers the New cluster dialog gives.

import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { OpenshiftVersions } from "@/lib/api-client/openshift-versions";
import { archDisplayName } from "@/lib/arch";
import {
  archAvailability,
  CLUSTER_ARCHES,
  sortedVersionKeys,
  supportLevelLabel,
  versionLabel,
} from "@/lib/catalog/arch-availability";

export function AvailabilityMatrix({ versions }: { versions: OpenshiftVersions }) {
  return (
    <Table caption="Architecture availability by OpenShift version">
      <THead>
        <Th>OpenShift version</Th>
        {CLUSTER_ARCHES.map((arch) => (
          <Th key={arch} verbatim>
            {archDisplayName(arch)}
          </Th>
        ))}
      </THead>
      <TBody>
        {sortedVersionKeys(versions).map((key) => (
          <Tr key={key}>
            <th scope="row" className="whitespace-nowrap px-3 py-2 text-left align-top font-medium text-slate-900">
              {versionLabel(key, versions[key])}
              {versions[key].default ? (
                <span className="ml-2">
                  <Badge tone="info">default</Badge>
                </span>
              ) : null}
            </th>
            {CLUSTER_ARCHES.map((arch) => {
              const a = archAvailability(key, versions[key], arch);
              const extras = [supportLevelLabel(a.level), a.singleNodeOnlyReason ? "single-node only" : null]
                .filter(Boolean)
                .join(" · ");
              return (
                <Td key={arch} className="min-w-36">
                  {a.available ? (
                    <>
                      <span className="font-medium text-green-700">Available</span>
                      {extras ? <p className="text-xs text-amber-700">{extras}</p> : null}
                    </>
                  ) : (
                    <span className="text-xs text-slate-500">{a.reason}</span>
                  )}
                </Td>
              );
            })}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
