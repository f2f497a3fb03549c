// A stored host as assisted-service's `host` definition shows it: inventory and validations_info
// are JSON text, as the anchor sends them.
import type { Host } from "@/lib/db";

export function hostHref(infraEnvId: string, id: string) {
  return `/api/assisted-install/v2/infra-envs/${infraEnvId}/hosts/${id}`;
}

/** Groups in the anchor's order (jsonb in PostgreSQL stores keys in its own order). */
function validationsText(v: unknown): string {
  if (!v || typeof v !== "object") return "";
  const groups = v as Record<string, unknown>;
  const order = ["hardware", "network", ...Object.keys(groups).filter((k) => k !== "hardware" && k !== "network")];
  return JSON.stringify(Object.fromEntries(order.filter((k) => k in groups).map((k) => [k, groups[k]])));
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
    validations_info: validationsText(h.validationsInfo),
    inventory: h.inventory ? JSON.stringify(h.inventory) : "",
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
