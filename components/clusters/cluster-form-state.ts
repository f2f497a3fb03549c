// The New cluster form's values and the rules that keep them consistent with the image table and
// the support and operator tables (the same ones the server validates with).

import { keyIs } from "@/components/ui/form-errors";
import type { OpenshiftVersions } from "@/lib/api-client/openshift-versions";
import { type ArchOrMulti, archDisplayName, toAssistedArch } from "@/lib/arch";
import { archAvailability, defaultVersionKey, findOffer } from "@/lib/catalog/arch-availability";
import { findOperator, operatorUnsupportedReason, withDependencies } from "@/lib/catalog/operators";
import type { ClusterCreateInput } from "@/lib/clusters/schemas";

export type ControlPlane = "3" | "1";

export type ClusterFormValues = {
  name: string;
  baseDomain: string;
  version: string;
  arch: ArchOrMulti;
  /** The topology in effect (forced to single-node when the architecture allows nothing else). */
  controlPlane: ControlPlane;
  /** What the user picked, restored once the architecture no longer forces single-node. */
  preferredControlPlane: ControlPlane;
  operators: string[];
  sshKey: string;
  pullSecret: string;
};

export type ClusterField =
  | "name"
  | "base_dns_domain"
  | "openshift_version"
  | "cpu_architecture"
  | "control_plane"
  | "olm_operators"
  | "ssh_public_key"
  | "pull_secret";

export function initialValues(versions: OpenshiftVersions): ClusterFormValues {
  const values: ClusterFormValues = {
    name: "",
    baseDomain: "",
    version: defaultVersionKey(versions) ?? "",
    arch: "x86_64",
    controlPlane: "3",
    preferredControlPlane: "3",
    operators: [],
    sshKey: "",
    pullSecret: "",
  };
  return reconcile(values, versions);
}

export function controlPlaneCount(values: Pick<ClusterFormValues, "controlPlane">): number {
  return values.controlPlane === "1" ? 1 : 3;
}

/** Why an operator cannot be added with the current choices (its own rule or a dependency's), or null. */
export function operatorReason(name: string, values: ClusterFormValues): string | null {
  const count = controlPlaneCount(values);
  const own = operatorUnsupportedReason(name, values.version, values.arch, count);
  if (own) return own;
  for (const dep of withDependencies([name]).filter((n) => n !== name)) {
    const reason = operatorUnsupportedReason(dep, values.version, values.arch, count);
    if (reason) return reason;
  }
  return null;
}

/** Titles of what else an operator brings along ("Local Storage Operator"). */
export function operatorDependencies(name: string): string[] {
  return withDependencies([name])
    .filter((n) => n !== name)
    .map((n) => findOperator(n)?.title ?? n);
}

/**
 * After any change: an architecture the version does not offer falls back to x86_64, a
 * single-node-only architecture forces single-node, and operators that no longer fit are unchecked.
 */
export function reconcile(values: ClusterFormValues, versions: OpenshiftVersions): ClusterFormValues {
  const offer = findOffer(versions, values.version);
  const arch = archAvailability(values.version, offer, values.arch).available ? values.arch : "x86_64";
  const singleNodeOnly = archAvailability(values.version, offer, arch).singleNodeOnlyReason !== null;
  const next: ClusterFormValues = {
    ...values,
    arch,
    controlPlane: singleNodeOnly ? "1" : values.preferredControlPlane,
  };
  const operators = values.operators.filter((n) => operatorReason(n, next) === null);
  return operators.length === values.operators.length ? next : { ...next, operators };
}

/**
 * What `reconcile` changed that the user did not ask for, in sentences that say why ("OpenShift 4.8
 * installs x86_64 only: the architecture was reset from Arm64 (aarch64) to x86_64."). `asked` is the
 * values with the user's edit applied, before reconciling.
 */
export function reconcileNotices(
  asked: ClusterFormValues,
  got: ClusterFormValues,
  versions: OpenshiftVersions,
): string[] {
  const notices: string[] = [];
  const offer = findOffer(versions, got.version);
  if (got.arch !== asked.arch) {
    const why = archAvailability(got.version, offer, asked.arch).reason;
    notices.push(
      `${why ?? `${archDisplayName(asked.arch)} is not offered at ${got.version}`}: the architecture was reset from ${archDisplayName(asked.arch)} to ${archDisplayName(got.arch)}.`,
    );
  }
  if (got.controlPlane === "1" && asked.controlPlane !== "1") {
    const why = archAvailability(got.version, offer, got.arch).singleNodeOnlyReason;
    notices.push(
      `${why ?? "This architecture installs single-node clusters only"}: the control plane was set to single-node.`,
    );
  } else if (got.controlPlane !== "1" && asked.controlPlane === "1") {
    notices.push("Highly available clusters are possible again: the control plane was set back to 3 nodes, as chosen.");
  }
  const dropped = asked.operators.filter((n) => !got.operators.includes(n));
  if (dropped.length)
    notices.push(
      `${dropped.map((n) => findOperator(n)?.title ?? n).join(", ")} ${dropped.length === 1 ? "was" : "were"} removed: not supported with these choices.`,
    );
  return notices;
}

/** The create request as the API takes it (what clusterCreateSchema validates). */
export function toCreateInput(values: ClusterFormValues): ClusterCreateInput {
  const count = controlPlaneCount(values);
  return {
    name: values.name,
    openshift_version: values.version,
    cpu_architecture: toAssistedArch(values.arch),
    control_plane_count: count,
    high_availability_mode: count === 1 ? "None" : "Full",
    base_dns_domain: values.baseDomain,
    ssh_public_key: values.sshKey,
    pull_secret: values.pullSecret,
    olm_operators: values.operators.map((name) => ({ name })),
  };
}

const DIRECT: ClusterField[] = [
  "name",
  "base_dns_domain",
  "openshift_version",
  "cpu_architecture",
  "olm_operators",
  "ssh_public_key",
  "pull_secret",
];

/** Which form field shows an API error key; null sends it to the form-level alert. */
export function clusterFieldFor(key: string): ClusterField | null {
  if (keyIs(key, "control_plane_count") || keyIs(key, "high_availability_mode")) return "control_plane";
  return DIRECT.find((f) => keyIs(key, f)) ?? null;
}
