// Whether a cluster could be installed, as a checklist: assisted-service's cluster validations
// (pull-secret-set, sufficient-masters-count, all-hosts-are-ready-to-install), each with a sentence.
export type ReadinessHost = { role: string; suggestedRole: string | null; status: string };
export type Check = { id: string; status: "success" | "failure"; message: string };
export type Readiness = {
  ready: boolean;
  statusInfo: string;
  validations: { configuration: Check[]; "hosts-data": Check[] };
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function controlPlaneCheck(count: number, hosts: ReadinessHost[]): Check {
  const id = "sufficient-masters-count";
  const explicit = hosts.filter((h) => h.role === "master").length;
  // Auto-assign hosts able to run the control plane fill what the explicit ones leave.
  const able = hosts.filter((h) => h.role === "auto-assign" && h.suggestedRole === "master").length;
  const planned = Math.min(count, explicit + able);
  if (count === 1) {
    const extra = hosts.filter((h) => h.role === "worker").length;
    if (hosts.length === 1 && extra === 0 && planned === 1)
      return { id, status: "success", message: "One control plane host for the single-node cluster" };
    return {
      id,
      status: "failure",
      message:
        hosts.length === 0
          ? "A single-node cluster needs one host; none yet"
          : `A single-node cluster has exactly one host, with the control plane role; it has ${plural(hosts.length, "host")}`,
    };
  }
  if (explicit > count)
    return {
      id,
      status: "failure",
      message: `${explicit} hosts have the control plane role; the cluster has ${count}`,
    };
  if (planned < count)
    return {
      id,
      status: "failure",
      message: `${planned} of ${count} control plane hosts: ${plural(count - planned, "more host")} with the control plane role (at least 4 CPU cores and 16 GiB) needed`,
    };
  return { id, status: "success", message: `${count} control plane hosts` };
}

export function clusterReadiness(
  c: { pullSecretSet: boolean; controlPlaneCount: number },
  hosts: ReadinessHost[],
): Readiness {
  const pull: Check = c.pullSecretSet
    ? { id: "pull-secret-set", status: "success", message: "The pull secret is set" }
    : { id: "pull-secret-set", status: "failure", message: "The pull secret is not set; edit the cluster to add it" };
  const notKnown = hosts.filter((h) => h.status !== "known");
  const byStatus = [...new Set(notKnown.map((h) => h.status))]
    .map((s) => `${notKnown.filter((h) => h.status === s).length} ${s}`)
    .join(", ");
  const allKnown: Check =
    hosts.length === 0
      ? {
          id: "all-hosts-are-ready-to-install",
          status: "failure",
          message: "No hosts yet: boot hosts from the discovery ISO",
        }
      : notKnown.length
        ? {
            id: "all-hosts-are-ready-to-install",
            status: "failure",
            message: `${notKnown.length} of ${plural(hosts.length, "host")} not ready (${byStatus})`,
          }
        : {
            id: "all-hosts-are-ready-to-install",
            status: "success",
            message: `All ${plural(hosts.length, "host")} are known`,
          };
  const checks = [pull, controlPlaneCheck(c.controlPlaneCount, hosts), allKnown];
  const failed = checks.filter((x) => x.status === "failure");
  return {
    ready: failed.length === 0,
    statusInfo: failed.length
      ? `Cluster is not ready to install: ${failed.map((x) => x.message).join("; ")}`
      : "Cluster is ready to install",
    validations: { configuration: [pull], "hosts-data": checks.slice(1) },
  };
}
