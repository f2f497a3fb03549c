// Domain rules for a cluster's version, architecture, topology and operators, checked against the
// stored image table. Each violation is a 400 on the field at fault, in the anchor's words.
import "server-only";
import { type ArchOrMulti, parseArch, toAssistedArch } from "@/lib/arch";
import { operatorUnsupportedReason, withDependencies } from "@/lib/catalog/operators";
import { type ImageTable, releaseMembers } from "@/lib/catalog/queries";
import { resolveRow } from "@/lib/catalog/resolve";
import { archSupport, singleNodeOnlyMessage } from "@/lib/catalog/support";
import { atLeast, compareVersions, minorOf } from "@/lib/catalog/version";
import type { ReleaseImage } from "@/lib/db";
import { fieldError, HttpError } from "@/lib/http/errors";

/** The release image the cluster will install; throws when the version or architecture is not offered. */
export function requireRelease(table: ImageTable, version: string, arch: ArchOrMulti): ReleaseImage {
  const forVersion = table.releaseImages.filter((r) => minorOf(r.openshiftVersion) === minorOf(version));
  if (forVersion.length === 0) {
    const known = [...new Set(table.releaseImages.map((r) => r.openshiftVersion))].sort((a, b) =>
      compareVersions(b, a),
    );
    throw fieldError(
      "openshift_version",
      `No release image is available for OpenShift version ${version}; available versions: ${known.join(", ") || "none"}`,
    );
  }
  const support = archSupport(version, arch);
  if (support.level === "unavailable")
    throw fieldError(
      "cpu_architecture",
      `Requested CPU architecture ${toAssistedArch(arch)} is not available for version ${version}: ${support.reason}`,
    );
  const release = resolveRow(table.releaseImages, version, arch);
  if (!release)
    throw fieldError(
      "cpu_architecture",
      `The requested CPU architecture (${toAssistedArch(arch)}) isn't specified in release images list for version ${version}`,
    );
  const osArches = arch === "multi" ? releaseMembers(release) : [arch];
  if (!osArches.some((a) => resolveRow(table.osImages, version, a))) {
    throw fieldError(
      "cpu_architecture",
      `The requested CPU architecture (${toAssistedArch(arch)}) isn't specified in OS images list for version ${version}`,
    );
  }
  return release;
}

/** control_plane_count from either spelling of the topology (1 = single-node). */
export function controlPlaneCountOf(input: {
  high_availability_mode?: "Full" | "None";
  control_plane_count?: number;
}): number {
  return input.control_plane_count ?? (input.high_availability_mode === "None" ? 1 : 3);
}

export function checkTopology(version: string, arch: ArchOrMulti, count: number) {
  if (count > 3 && !atLeast(version, "4.18")) {
    throw fieldError("control_plane_count", `${count} control plane nodes need OpenShift 4.18 or later; use 1 or 3`);
  }
  if (archSupport(version, arch).singleNodeOnly && count !== 1) {
    throw fieldError("control_plane_count", singleNodeOnlyMessage(version, arch));
  }
}

/** Validates the requested operators and returns them with their dependencies added. */
export function checkOperators(
  version: string,
  arch: ArchOrMulti,
  count: number,
  requested: { name: string; properties?: string }[],
) {
  const names = withDependencies([...new Set(requested.map((o) => o.name.trim().toLowerCase()))]);
  const problems = names
    .map((n) => operatorUnsupportedReason(n, version, arch, count))
    .filter((p): p is string => p !== null);
  if (problems.length) throw new HttpError(400, problems[0], { olm_operators: problems });
  return names.map((name) => {
    const props = requested.find((o) => o.name.trim().toLowerCase() === name)?.properties;
    return props ? { name, properties: props } : { name };
  });
}

/**
 * The architectures a cluster's hosts may have: its own, or for `multi` those in its release image.
 * Late binding follows the same rule as creating an infra-env for the cluster.
 */
export function clusterHostArches(table: ImageTable, cluster: { openshiftVersion: string; cpuArchitecture: string }) {
  const arch = parseArch(cluster.cpuArchitecture);
  if (arch !== "multi") return arch ? [arch] : [];
  const release = resolveRow(table.releaseImages, cluster.openshiftVersion, "multi");
  return release ? releaseMembers(release) : [];
}

/** Why hosts of an infra-env of `infraEnvArch` cannot be bound to the cluster, or null. */
export function bindingArchProblem(
  table: ImageTable,
  infraEnvArch: string,
  cluster: { name: string; openshiftVersion: string; cpuArchitecture: string },
): string | null {
  const allowed = clusterHostArches(table, cluster);
  const arch = parseArch(infraEnvArch);
  if (arch && arch !== "multi" && allowed.includes(arch)) return null;
  return cluster.cpuArchitecture === "multi"
    ? `The multi-architecture release of cluster ${cluster.name} has ${allowed.map(toAssistedArch).join(", ")}; the host's infra-env is ${toAssistedArch((arch ?? infraEnvArch) as ArchOrMulti)}`
    : `The host's infra-env CPU architecture (${toAssistedArch((arch ?? infraEnvArch) as ArchOrMulti)}) doesn't match cluster ${cluster.name}'s (${toAssistedArch(cluster.cpuArchitecture as ArchOrMulti)})`;
}
