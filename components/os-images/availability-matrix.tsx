// Which architecture each OpenShift version offers, and why not where it does not: the same
// answers the New cluster dialog gives, plus whether the base ISO behind an offer could be fetched.

import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { OpenshiftVersions } from "@/lib/api-client/openshift-versions";
import type { OsImageJson } from "@/lib/api-client/os-images";
import { type ArchOrMulti, archDisplayName, sameArch } from "@/lib/arch";
import {
  archAvailability,
  CLUSTER_ARCHES,
  sortedVersionKeys,
  supportLevelLabel,
  versionLabel,
} from "@/lib/catalog/arch-availability";

/**
 * True when every OS image row of this version and architecture has a failed base ISO: the version
 * is offered, but no discovery ISO can be made until a fetch succeeds.
 */
function baseImageFailed(osImages: OsImageJson[] | undefined, version: string, arch: ArchOrMulti): boolean {
  const rows = (osImages ?? []).filter((r) => r.openshift_version === version && sameArch(r.cpu_architecture, arch));
  return rows.length > 0 && rows.every((r) => r.base_image.status === "failed");
}

export function AvailabilityMatrix({ versions, osImages }: { versions: OpenshiftVersions; osImages?: OsImageJson[] }) {
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
                  {a.available && baseImageFailed(osImages, key, arch) ? (
                    <>
                      <span className="font-medium text-red-700">Available, base image failed</span>
                      <p className="text-xs text-slate-500">See the OS images table below</p>
                    </>
                  ) : a.available ? (
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
