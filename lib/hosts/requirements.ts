// Minimum hardware per role, as the Assisted Installer's default hardware requirements set them,
// and which role an auto-assign host is judged by.
import type { Inventory } from "./inventory";

export const ROLES = ["auto-assign", "master", "worker"] as const;
export type Role = (typeof ROLES)[number];

export type Requirement = { cpuCores: number; ramMib: number; label: string };

export const REQUIREMENTS = {
  master: { cpuCores: 4, ramMib: 16 * 1024, label: "a control plane node" },
  worker: { cpuCores: 2, ramMib: 8 * 1024, label: "a worker node" },
  sno: { cpuCores: 8, ramMib: 16 * 1024, label: "a single-node cluster" },
} satisfies Record<string, Requirement>;

/** Smallest disk the installer accepts (assisted-service's disk_size_gb: 100, decimal gigabytes). */
export const MIN_DISK_BYTES = 100 * 1000 ** 3;

/** Disconnected after this long without a check-in (assisted-service: 3 minutes). */
export const DISCONNECT_AFTER_MS = 3 * 60 * 1000;

const MIB = 1024 * 1024;

export function meets(inv: Inventory, req: Requirement): boolean {
  return inv.cpu.count >= req.cpuCores && inv.memory.physical_bytes >= req.ramMib * MIB;
}

/**
 * The role an auto-assign host would get: on a single-node cluster it is the control plane; otherwise
 * a control plane node when it meets those minimums, else a worker (so it is judged by the smaller
 * worker minimums, as assisted-service judges it by its suggested role).
 */
export function suggestedRoleOf(inv: Inventory | null, singleNode: boolean): "master" | "worker" | null {
  if (!inv) return null;
  if (singleNode) return "master";
  return meets(inv, REQUIREMENTS.master) ? "master" : "worker";
}

/** The requirement a host is validated against. */
export function requirementFor(role: string, suggested: string | null, singleNode: boolean): Requirement {
  const effective = role === "auto-assign" ? (suggested ?? "worker") : role;
  if (singleNode && effective === "master") return REQUIREMENTS.sno;
  return effective === "master" ? REQUIREMENTS.master : REQUIREMENTS.worker;
}

export function roleLabel(role: string): string {
  return role === "master" ? "control plane" : role === "worker" ? "worker" : "auto-assign";
}
