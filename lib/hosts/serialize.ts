// A stored host as assisted-service's `host` definition shows it: inventory and validations_info
// are JSON text, as the anchor sends them, and are stored as that text: passed through, never re-encoded.
import type { Host } from "@/lib/db";

export function hostHref(infraEnvId: string, id: string) {
  return `/api/assisted-install/v2/infra-envs/${infraEnvId}/hosts/${id}`;
}

export function serializeHost(h: Host) {
  return {
    kind: "Host" as const,
    id: h.id,
    href: hostHref(h.infraEnvId, h.id),
    infra_env_id: h.infraEnvId,
    cluster_id: h.clusterId ?? undefined,
    status: h.status,
    status_info: h.statusInfo,
    status_updated_at: h.statusUpdatedAt.toISOString(),
    validations_info: h.validationsInfo ?? "",
    inventory: h.inventory ?? "",
    requested_hostname: h.requestedHostname ?? "",
    role: h.role,
    suggested_role: h.suggestedRole ?? undefined,
    bootstrap: h.bootstrap,
    discovery_agent_version: h.discoveryAgentVersion ?? "",
    checked_in_at: h.checkedInAt.toISOString(),
    created_at: h.createdAt.toISOString(),
    updated_at: h.updatedAt.toISOString(),
  };
}

export type HostJson = ReturnType<typeof serializeHost>;
