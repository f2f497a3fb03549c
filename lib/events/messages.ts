// Event messages as sentences a person reads, as assisted-service's are ("Image type changed to
// Minimal ISO on infra-env lab."): never a column or API field name, never a secret's value.
import { type ArchOrMulti, archDisplayName } from "@/lib/arch";

/** Changed fields by their API name (snake_case), with the value now stored. */
export type Changes = [field: string, value: unknown][];

const LABELS: Record<string, string> = {
  name: "name",
  base_dns_domain: "base domain",
  ssh_public_key: "SSH public key",
  ssh_authorized_key: "SSH public key",
  pull_secret: "pull secret",
  olm_operators: "operators",
  http_proxy: "HTTP proxy",
  https_proxy: "HTTPS proxy",
  no_proxy: "no-proxy list",
  image_type: "image type",
  additional_ntp_sources: "NTP sources",
  kernel_arguments: "kernel arguments",
  ignition_config_override: "Ignition config override",
  static_network_config: "static network config",
};

const IMAGE_TYPES: Record<string, string> = { "full-iso": "Full ISO", "minimal-iso": "Minimal ISO" };

// Long or structured values (keys, JSON) would drown the sentence; these only say that they changed.
const UNQUOTED = new Set([
  "ssh_public_key",
  "ssh_authorized_key",
  "pull_secret",
  "ignition_config_override",
  "static_network_config",
]);

const isEmpty = (v: unknown) => v == null || v === "" || (Array.isArray(v) && v.length === 0);

function phrase(field: string, value: unknown): string {
  const label = LABELS[field] ?? field.replace(/_/g, " ");
  if (isEmpty(value)) return `${label} cleared`;
  if (field === "name") return `renamed to ${value}`;
  if (field === "image_type") return `image type changed to ${IMAGE_TYPES[String(value)] ?? value}`;
  if (field === "olm_operators" && Array.isArray(value))
    return `operators set to ${value.map((o) => (o as { name: string }).name).join(", ")}`;
  if (field === "kernel_arguments" && Array.isArray(value)) return `kernel arguments set (${value.length})`;
  if (UNQUOTED.has(field) || typeof value !== "string" || value.length > 80) return `${label} updated`;
  return `${label} changed to ${value}`;
}

function sentence(parts: string[]): string {
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Image type changed to Minimal ISO and SSH public key updated on infra-env lab." */
export function updatedMessage(what: "cluster" | "infra-env", name: string, changes: Changes): string {
  return `${sentence(changes.map(([f, v]) => phrase(f, v)))} on ${what} ${name}.`;
}

type Created = { name: string; arch: ArchOrMulti; version: string };

export function clusterCreatedMessage(c: Created & { controlPlaneCount: number }): string {
  const topology = c.controlPlaneCount === 1 ? "single-node" : `${c.controlPlaneCount} control plane nodes`;
  return `Cluster ${c.name} created: ${archDisplayName(c.arch)}, OpenShift ${c.version}, ${topology}.`;
}

export function infraEnvCreatedMessage(e: Created & { bound: boolean }): string {
  return `Infra-env ${e.name} created: ${archDisplayName(e.arch)}, OpenShift ${e.version}${e.bound ? "" : ", not bound to a cluster"}.`;
}

export function clusterDeletedMessage(name: string, infraEnvs: number): string {
  if (!infraEnvs) return `Cluster ${name} deleted.`;
  return `Cluster ${name} deleted; its ${infraEnvs === 1 ? "infra-env is" : `${infraEnvs} infra-envs are`} kept, now unbound.`;
}
