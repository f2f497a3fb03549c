// Picks the image row for (OpenShift version, architecture): exact x.y.z, then x.y, then the newest
// patch row of that x.y. Pure, so the same rules serve the API and tests.
import { sameArch } from "@/lib/arch";
import { compareVersions, minorOf } from "./version";

export type VersionedRow = { openshiftVersion: string; cpuArchitecture: string; version: string };

export function resolveRow<R extends VersionedRow>(rows: R[], openshiftVersion: string, arch: string): R | null {
  const candidates = rows.filter((r) => sameArch(r.cpuArchitecture, arch));
  const wanted = openshiftVersion.trim();
  const minor = minorOf(wanted);
  const newest = (list: R[]) => list.sort((a, b) => compareVersions(b.version, a.version))[0] ?? null;

  const exact = candidates.filter((r) => r.openshiftVersion === wanted);
  if (exact.length) return newest(exact);
  if (!minor) return null;
  const byMinor = candidates.filter((r) => r.openshiftVersion === minor);
  if (byMinor.length) return newest(byMinor);
  // Only patch rows exist for this x.y (DESIGN §2): the newest of them serves the whole x.y.
  const patches = candidates.filter((r) => minorOf(r.openshiftVersion) === minor);
  return (
    patches.sort(
      (a, b) => compareVersions(b.openshiftVersion, a.openshiftVersion) || compareVersions(b.version, a.version),
    )[0] ?? null
  );
}
