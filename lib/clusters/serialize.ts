// A stored cluster as the assisted-installer API shows it. The pull secret never leaves; only
// whether one is set.
import { parseArch, toAssistedArch } from "@/lib/arch";
import type { Cluster } from "@/lib/db";

export type ClusterWithCounts = Cluster & { _count?: { hosts: number; infraEnvs: number } };

export function clusterHref(id: string) {
  return `/api/assisted-install/v2/clusters/${id}`;
}

export function serializeCluster(c: ClusterWithCounts) {
  return {
    kind: "Cluster" as const,
    id: c.id,
    href: clusterHref(c.id),
    name: c.name,
    openshift_version: c.openshiftVersion,
    ocp_release_image: c.ocpReleaseImage,
    cpu_architecture: toAssistedArch(parseArch(c.cpuArchitecture) ?? "x86_64"),
    high_availability_mode: c.controlPlaneCount === 1 ? "None" : "Full",
    control_plane_count: c.controlPlaneCount,
    base_dns_domain: c.baseDnsDomain ?? "",
    ssh_public_key: c.sshPublicKey ?? "",
    pull_secret_set: !!c.pullSecret,
    olm_operators: (c.olmOperators as { name: string; properties?: string }[] | null) ?? [],
    http_proxy: c.httpProxy ?? "",
    https_proxy: c.httpsProxy ?? "",
    no_proxy: c.noProxy ?? "",
    status: c.status,
    status_info: c.statusInfo,
    total_host_count: c._count?.hosts ?? 0,
    infra_env_count: c._count?.infraEnvs ?? 0,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export type ClusterJson = ReturnType<typeof serializeCluster>;
