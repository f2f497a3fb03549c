// Reads a host's JSON-text fields (inventory, validations_info) and words its facts for the tables.
import type { HostJson } from "@/lib/api-client/hosts";
import { parseArch } from "@/lib/arch";

export type HostDisk = {
  name: string;
  size_bytes: number;
  drive_type?: string;
  model?: string;
  removable?: boolean;
  is_installation_media?: boolean;
  read_only?: boolean;
};
export type HostNic = {
  name: string;
  mac_address?: string;
  ipv4_addresses?: string[];
  ipv6_addresses?: string[];
  speed_mbps?: number;
};
export type HostInventory = {
  hostname?: string;
  cpu: { architecture: string; count: number; model_name?: string };
  memory: { physical_bytes: number };
  disks: HostDisk[];
  interfaces: HostNic[];
  system_vendor?: { manufacturer?: string; product_name?: string; serial_number?: string; virtual?: boolean };
  boot?: { current_boot_mode?: string };
};
export type HostValidation = { id: string; status: "success" | "failure" | "pending" | "error"; message: string };

function parse<T>(text: string): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export const inventoryOf = (host: HostJson) => parse<HostInventory>(host.inventory);

export function validationsOf(host: HostJson): { group: string; items: HostValidation[] }[] {
  const groups = parse<Record<string, HostValidation[]>>(host.validations_info) ?? {};
  return Object.entries(groups).map(([group, items]) => ({ group, items }));
}

export function failedValidations(host: HostJson): HostValidation[] {
  return validationsOf(host).flatMap((g) => g.items.filter((v) => v.status === "failure"));
}

export function hostnameOf(host: HostJson): string {
  return host.requested_hostname || inventoryOf(host)?.hostname || host.id;
}

export function roleText(host: HostJson): string {
  if (host.role === "master") return "Control plane";
  if (host.role === "worker") return "Worker";
  if (host.suggested_role === "master") return "Auto (control plane)";
  if (host.suggested_role === "worker") return "Auto (worker)";
  return "Auto-assign";
}

/** The architecture check failed: the host booted an ISO meant for another machine type. */
export function archMismatch(host: HostJson): HostValidation | null {
  return failedValidations(host).find((v) => v.id === "cpu-architecture-compatible") ?? null;
}

export function knownArch(arch: string): boolean {
  return parseArch(arch) !== null;
}

export const GROUP_LABEL: Record<string, string> = { hardware: "Hardware", network: "Network" };
