// A stored cluster as the assisted-installer API shows it. The pull secret never leaves, only
// whether one is set; proxy URLs leave without their password.
import { parseArch, toAssistedArch } from "@/lib/arch";
import type { Cluster, Host } from "@/lib/db";
import { serializeHost } from "@/lib/hosts/serialize";
import { redactProxyUrl } from "@/lib/secrets/redact";
import { unseal } from "@/lib/secrets/secrets";
import { clusterReadiness, type ReadinessHost } from "./readiness";

/** With full host rows the JSON lists them (GET one); with their status only, it states readiness (lists). */
export type ClusterWithCounts = Cluster & {
  _count?: { hosts: number; infraEnvs: number };
  hosts?: Host[] | ReadinessHost[];
};

const isFull = (hosts: Host[] | ReadinessHost[]): hosts is Host[] => hosts.length > 0 && "infraEnvId" in hosts[0];

export function clusterHref(id: string) {
  return `/api/assisted-install/v2/clusters/${id}`;
}

export function serializeCluster(c: ClusterWithCounts) {
  const hosts = c.hosts ?? [];
  const readiness = clusterReadiness({ pullSecretSet: !!c.pullSecret, controlPlaneCount: c.controlPlaneCount }, hosts);
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
    http_proxy: redactProxyUrl(unseal(c.httpProxy)) ?? "",
    https_proxy: redactProxyUrl(unseal(c.httpsProxy)) ?? "",
    no_proxy: c.noProxy ?? "",
    status: readiness.ready ? "ready" : "insufficient",
    status_info: readiness.statusInfo,
    validations_info: JSON.stringify(readiness.validations),
    total_host_count: c._count?.hosts ?? hosts.length,
    ready_host_count: hosts.filter((h) => h.status === "known").length,
    ...(c.hosts && (isFull(c.hosts) || c.hosts.length === 0) ? { hosts: (c.hosts as Host[]).map(serializeHost) } : {}),
    infra_env_count: c._count?.infraEnvs ?? 0,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export type ClusterJson = ReturnType<typeof serializeCluster>;
