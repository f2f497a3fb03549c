// Image table rows in reading order: newest OpenShift version first, then architectures in the
// order the console lists them.
import { parseArch } from "@/lib/arch";
import { CLUSTER_ARCHES } from "@/lib/catalog/arch-availability";
import { compareVersions } from "@/lib/catalog/version";

type Row = { openshift_version: string; cpu_architecture: string; version: string };

function archRank(arch: string): number {
  const canonical = parseArch(arch);
  const i = canonical ? CLUSTER_ARCHES.indexOf(canonical) : -1;
  return i === -1 ? CLUSTER_ARCHES.length : i;
}

export function sortRows<R extends Row>(rows: R[]): R[] {
  return [...rows].sort(
    (a, b) =>
      compareVersions(b.openshift_version, a.openshift_version) ||
      archRank(a.cpu_architecture) - archRank(b.cpu_architecture) ||
      compareVersions(b.version, a.version),
  );
}
