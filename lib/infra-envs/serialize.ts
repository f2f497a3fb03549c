// A stored infra-env as the assisted-installer API shows it: the pull secret write-only, proxy URLs
// without their password, the agent token and signing key never.
import { parseArch, toAssistedArch } from "@/lib/arch";
import type { InfraEnv } from "@/lib/db";
import { redactProxyUrl } from "@/lib/secrets/redact";
import { unseal } from "@/lib/secrets/secrets";

export function serializeInfraEnv(e: InfraEnv & { _count?: { hosts: number } }) {
  return {
    kind: "InfraEnv" as const,
    id: e.id,
    href: `/api/assisted-install/v2/infra-envs/${e.id}`,
    name: e.name,
    cluster_id: e.clusterId ?? undefined,
    openshift_version: e.openshiftVersion ?? "",
    cpu_architecture: toAssistedArch(parseArch(e.cpuArchitecture) ?? "x86_64"),
    type: e.imageType,
    ssh_authorized_key: e.sshAuthorizedKey ?? "",
    pull_secret_set: !!e.pullSecret,
    proxy: {
      http_proxy: redactProxyUrl(unseal(e.httpProxy)) ?? "",
      https_proxy: redactProxyUrl(unseal(e.httpsProxy)) ?? "",
      no_proxy: e.noProxy ?? "",
    },
    additional_ntp_sources: e.additionalNtpSources ?? "",
    kernel_arguments: (e.kernelArguments as unknown[] | null) ?? [],
    ignition_config_override: e.ignitionConfigOverride ?? "",
    static_network_config: (e.staticNetworkConfig as unknown[] | null) ?? [],
    os_image_version: e.isoOsImageVersion ?? undefined,
    size_bytes: e.isoSizeBytes === null ? undefined : Number(e.isoSizeBytes),
    sha256: e.isoSha256 ?? undefined,
    host_count: e._count?.hosts ?? 0,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

export type InfraEnvJson = ReturnType<typeof serializeInfraEnv>;
