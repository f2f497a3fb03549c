// OLM operators the console can add to a cluster, with the architectures and versions that can run
// them. Shared by validation and the new-cluster dialog.
import { type ArchOrMulti, toAssistedArch } from "@/lib/arch";
import { atLeast, minorOf } from "./version";

type ArchRule = { since: string } | null;

export type OperatorSpec = {
  name: string;
  title: string;
  description: string;
  /** Operators installed along with this one. */
  requires?: string[];
  /** x.y range in which the operator exists under this name. */
  since?: string;
  until?: string;
  replacedBy?: string;
  /** null: never on that architecture. */
  arches: Record<Exclude<ArchOrMulti, "multi">, ArchRule>;
  singleNodeOnlyBefore?: string;
};

export const OPERATORS: OperatorSpec[] = [
  {
    name: "lso",
    title: "Local Storage Operator",
    description: "Exposes local disks as persistent volumes",
    arches: {
      x86_64: { since: "4.6" },
      aarch64: { since: "4.10" },
      ppc64le: { since: "4.12" },
      s390x: { since: "4.12" },
    },
  },
  {
    name: "ocs",
    title: "OpenShift Container Storage",
    description: "Software-defined storage (renamed OpenShift Data Foundation in 4.9)",
    requires: ["lso"],
    until: "4.8",
    replacedBy: "odf",
    arches: { x86_64: { since: "4.6" }, aarch64: null, ppc64le: null, s390x: null },
  },
  {
    name: "odf",
    title: "OpenShift Data Foundation",
    description: "Software-defined block, file and object storage",
    requires: ["lso"],
    since: "4.9",
    arches: { x86_64: { since: "4.9" }, aarch64: null, ppc64le: { since: "4.13" }, s390x: { since: "4.13" } },
  },
  {
    name: "cnv",
    title: "OpenShift Virtualization",
    description: "Runs virtual machines next to containers (needs hardware virtualization)",
    requires: ["lso"],
    arches: { x86_64: { since: "4.8" }, aarch64: { since: "4.14" }, ppc64le: null, s390x: { since: "4.14" } },
  },
  {
    name: "lvm",
    title: "Logical Volume Manager Storage",
    description: "Local storage for single-node clusters through LVM",
    since: "4.11",
    singleNodeOnlyBefore: "4.15",
    arches: {
      x86_64: { since: "4.11" },
      aarch64: { since: "4.12" },
      ppc64le: { since: "4.15" },
      s390x: { since: "4.15" },
    },
  },
  {
    name: "mce",
    title: "multicluster engine",
    description: "Manages the lifecycle of other clusters",
    since: "4.10",
    arches: {
      x86_64: { since: "4.10" },
      aarch64: { since: "4.10" },
      ppc64le: { since: "4.12" },
      s390x: { since: "4.12" },
    },
  },
];

export function findOperator(name: string): OperatorSpec | undefined {
  return OPERATORS.find((o) => o.name === name);
}

function label(op: OperatorSpec) {
  return `${op.title} (${op.name})`;
}

// A multi-architecture cluster may schedule the operator on either of its main architectures.
const MULTI_MEMBERS = ["x86_64", "aarch64"] as const;

/** null when the operator can run; otherwise why not (the anchor's wording). */
export function operatorUnsupportedReason(
  name: string,
  openshiftVersion: string,
  arch: ArchOrMulti,
  controlPlaneCount: number,
): string | null {
  const op = findOperator(name);
  if (!op) return `Unknown operator "${name}"; known operators: ${OPERATORS.map((o) => o.name).join(", ")}`;
  const minor = minorOf(openshiftVersion) ?? openshiftVersion;
  if (op.since && !atLeast(minor, op.since))
    return `cannot use ${label(op)} because it needs OpenShift ${op.since} or later (version ${minor} was requested)`;
  if (op.until && atLeast(minor, nextMinor(op.until))) {
    return `cannot use ${label(op)} on version ${minor} of OpenShift${op.replacedBy ? `: use ${op.replacedBy} instead` : ""}`;
  }
  for (const member of arch === "multi" ? MULTI_MEMBERS : [arch]) {
    const rule = op.arches[member];
    if (!rule || !atLeast(minor, rule.since)) {
      return `cannot use ${label(op)} because it's not compatible with the ${toAssistedArch(arch)} architecture on version ${minor} of OpenShift`;
    }
  }
  if (op.singleNodeOnlyBefore && !atLeast(minor, op.singleNodeOnlyBefore) && controlPlaneCount !== 1) {
    return `cannot use ${label(op)} on a multi-node cluster before OpenShift ${op.singleNodeOnlyBefore}; choose single-node`;
  }
  return null;
}

function nextMinor(minor: string): string {
  const [major, min] = minor.split(".").map(Number);
  return `${major}.${min + 1}`;
}

/** The requested operators plus what they require, each once, in a stable order. */
export function withDependencies(names: string[]): string[] {
  const out = new Set<string>();
  const visit = (n: string) => {
    for (const dep of findOperator(n)?.requires ?? []) visit(dep);
    out.add(n);
  };
  names.forEach(visit);
  return [...out];
}
