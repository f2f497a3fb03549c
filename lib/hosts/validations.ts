// A host's validations and the status they lead to, as plain functions of what is known about it:
// grouped and named as assisted-service's validations_info, each with a sentence a person reads.
import { type Arch, parseArch } from "@/lib/arch";
import type { Inventory, InventoryDisk } from "./inventory";
import { DISCONNECT_AFTER_MS, MIN_DISK_BYTES, type Requirement, requirementFor, suggestedRoleOf } from "./requirements";
import { type HostStatus, hostStatus } from "./status";

export type ValidationStatus = "success" | "failure" | "pending";
export type Validation = { id: string; status: ValidationStatus; message: string };
export type ValidationsInfo = { hardware: Validation[]; network: Validation[] };

export type HostFacts = {
  role: string;
  requestedHostname: string | null;
  inventory: Inventory | null;
  checkedInAt: Date;
};

export type Scope = {
  infraEnvArch: Arch;
  /** Set when the host is bound to a cluster. */
  cluster: { name: string; singleNode: boolean; arch: string; releaseArches: Arch[] } | null;
  /** Another host of the same cluster (or unbound infra-env) has this host's hostname. */
  hostnameTaken: boolean;
};

export type Evaluation = {
  status: HostStatus;
  statusInfo: string;
  validationsInfo: ValidationsInfo;
  suggestedRole: "master" | "worker" | null;
};

const GIB = 1024 ** 3;

export function hostnameOf(host: Pick<HostFacts, "requestedHostname" | "inventory">): string | null {
  return host.requestedHostname || host.inventory?.hostname || null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function gib(bytes: number): string {
  const v = bytes / GIB;
  return `${Number.isInteger(v) ? v : v.toFixed(1)} GiB`;
}

const gb = (bytes: number) => `${Math.floor(bytes / 1000 ** 3)} GB`;

const RFC1123_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function hostnameProblem(name: string): string | null {
  if (name === "localhost" || name.startsWith("localhost."))
    return `Hostname ${name} is the default one; give the host its own name`;
  if (name.length > 253 || !name.split(".").every((label) => RFC1123_LABEL.test(label)))
    return `Hostname "${name}" is not valid: use lowercase letters, digits and hyphens (RFC 1123), labels of at most 63 characters separated by dots`;
  return null;
}

/** Why a disk cannot hold the installation, or null when it can. */
export function diskProblem(d: InventoryDisk): string | null {
  if (d.is_installation_media) return `${d.name} is the discovery ISO`;
  if (d.read_only) return `${d.name} is read-only`;
  if (d.removable) return `${d.name} is removable`;
  if (d.drive_type && /^(odd|cdrom)$/i.test(d.drive_type)) return `${d.name} is an optical drive`;
  if (d.size_bytes < MIN_DISK_BYTES) return `${d.name} is ${gb(d.size_bytes)}, ${gb(MIN_DISK_BYTES)} required`;
  return null;
}

function pass(id: string, message: string): Validation {
  return { id, status: "success", message };
}
function fail(id: string, message: string): Validation {
  return { id, status: "failure", message };
}
function pending(id: string): Validation {
  return { id, status: "pending", message: "Waiting for the host's hardware inventory" };
}

function archValidation(inv: Inventory, scope: Scope): Validation {
  const id = "cpu-architecture-compatible";
  const reported = inv.cpu.architecture;
  const arch = parseArch(reported);
  if (arch === null || arch === "multi")
    return fail(id, `Host CPU architecture ${reported} is not one Archway installs`);
  if (scope.cluster?.arch === "multi") {
    const offered = scope.cluster.releaseArches;
    return offered.includes(arch)
      ? pass(id, `Host CPU architecture ${arch} is in the release of cluster ${scope.cluster.name}`)
      : fail(
          id,
          `Host CPU architecture ${arch} is not in the multi-architecture release of cluster ${scope.cluster.name} (${offered.join(", ")})`,
        );
  }
  return arch === scope.infraEnvArch
    ? pass(id, `Host CPU architecture ${arch} matches the infra-env's`)
    : fail(
        id,
        `Host CPU architecture ${arch} does not match the infra-env's ${scope.infraEnvArch}: it booted the wrong ISO`,
      );
}

function cpuForRole(inv: Inventory, req: Requirement): Validation {
  const id = "has-cpu-cores-for-role";
  const msg = `${plural(inv.cpu.count, "CPU core")}, ${req.cpuCores} required for ${req.label}`;
  return inv.cpu.count >= req.cpuCores ? pass(id, msg) : fail(id, msg);
}

function memoryForRole(inv: Inventory, req: Requirement): Validation {
  const id = "has-memory-for-role";
  const need = req.ramMib * 1024 * 1024;
  const msg = `${gib(inv.memory.physical_bytes)} of memory, ${gib(need)} required for ${req.label}`;
  return inv.memory.physical_bytes >= need ? pass(id, msg) : fail(id, msg);
}

function diskValidation(inv: Inventory): Validation {
  const id = "has-min-valid-disks";
  const eligible = inv.disks.filter((d) => diskProblem(d) === null);
  if (eligible.length)
    return pass(
      id,
      `${plural(eligible.length, "eligible disk")} for installation (${eligible.map((d) => d.name).join(", ")})`,
    );
  if (inv.disks.length === 0) return fail(id, `No disks found; one of at least ${gb(MIN_DISK_BYTES)} is required`);
  return fail(id, `No eligible disk: ${inv.disks.map(diskProblem).join("; ")}`);
}

function hostnameValidations(host: HostFacts, scope: Scope): Validation[] {
  const name = hostnameOf(host);
  if (!name)
    return [
      fail("hostname-valid", "The host reported no hostname; set one"),
      pass("hostname-unique", "No hostname to compare"),
    ];
  const problem = hostnameProblem(name);
  const where = scope.cluster ? `cluster ${scope.cluster.name}` : "this infra-env";
  return [
    problem ? fail("hostname-valid", problem) : pass("hostname-valid", `Hostname ${name} is valid`),
    scope.hostnameTaken
      ? fail("hostname-unique", `Hostname ${name} is used by another host in ${where}; give each host its own`)
      : pass("hostname-unique", `Hostname ${name} is unique in ${where}`),
  ];
}

export function evaluateHost(host: HostFacts, scope: Scope, now: Date): Evaluation {
  const silentMs = now.getTime() - host.checkedInAt.getTime();
  const connected = silentMs <= DISCONNECT_AFTER_MS;
  const network = [
    connected
      ? pass("connected", "Host is connected")
      : fail("connected", `Host has not checked in for ${plural(Math.floor(silentMs / 60_000), "minute")}`),
  ];
  const inv = host.inventory;
  const singleNode = scope.cluster?.singleNode ?? false;
  const suggestedRole = suggestedRoleOf(inv, singleNode);
  const ids = ["cpu-architecture-compatible", "has-cpu-cores-for-role", "has-memory-for-role", "has-min-valid-disks"];
  const hardware: Validation[] = inv
    ? (() => {
        const req = requirementFor(host.role, suggestedRole, singleNode);
        return [
          pass("has-inventory", "Valid inventory exists for the host"),
          archValidation(inv, scope),
          cpuForRole(inv, req),
          memoryForRole(inv, req),
          diskValidation(inv),
          ...hostnameValidations(host, scope),
        ];
      })()
    : [fail("has-inventory", "The host has not sent its hardware inventory yet"), ...ids.map(pending)];
  const validationsInfo = { hardware, network };
  const status = (base: Parameters<typeof hostStatus>[0]) => hostStatus(base, scope.cluster !== null);
  if (!connected)
    return { status: status("disconnected"), statusInfo: network[0].message, validationsInfo, suggestedRole };
  if (!inv)
    return {
      status: status("discovering"),
      statusInfo: "Waiting for the host's hardware inventory",
      validationsInfo,
      suggestedRole,
    };
  const failed = hardware.filter((v) => v.status === "failure");
  if (failed.length)
    return {
      status: status("insufficient"),
      statusInfo: failed.map((v) => v.message).join("; "),
      validationsInfo,
      suggestedRole,
    };
  return { status: status("known"), statusInfo: "Host is ready to be installed", validationsInfo, suggestedRole };
}
