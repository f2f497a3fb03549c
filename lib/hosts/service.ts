// The user side of hosts: list, read, rename or change role, delete, and late binding to a
// cluster (bind/unbind) under the cluster architecture rules. Every change leaves an event.
import "server-only";
import { readImageTable } from "@/lib/catalog/queries";
import { bindingArchProblem } from "@/lib/clusters/rules";
import { db, type Host } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { conflict, fieldError, HttpError, notFound } from "@/lib/http/errors";
import { getInfraEnv } from "@/lib/infra-envs/service";
import type { Inventory } from "./inventory";
import { hostLabel, refreshAround, refreshHosts, refreshSilent, scopeOf } from "./refresh";
import { roleLabel } from "./requirements";
import type { HostUpdate } from "./schemas";
import { isKnown } from "./status";
import { hostnameOf, hostnameProblem } from "./validations";

export async function listClusterHosts(clusterId: string, now = new Date()) {
  await refreshSilent({ clusterId }, now);
  return db().host.findMany({ where: { clusterId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export async function getHost(infraEnvId: string, hostId: string, now = new Date()): Promise<Host> {
  await refreshSilent({ id: hostId, infraEnvId }, now);
  const host = await db().host.findUnique({ where: { id: hostId } });
  if (!host || host.infraEnvId !== infraEnvId) throw notFound(`Host ${hostId} not found in infra-env ${infraEnvId}`);
  return host;
}

export async function updateHost(infraEnvId: string, hostId: string, patch: HostUpdate, requestId?: string) {
  const host = await getHost(infraEnvId, hostId);
  const problem = patch.host_name ? hostnameProblem(patch.host_name) : null;
  if (problem) throw fieldError("host_name", problem);
  const changes: string[] = [];
  if (patch.host_name !== undefined && patch.host_name !== host.requestedHostname)
    changes.push(`hostname changed to ${patch.host_name}`);
  if (patch.host_role !== undefined && patch.host_role !== host.role)
    changes.push(`role changed from ${roleLabel(host.role)} to ${roleLabel(patch.host_role)}`);
  if (changes.length === 0) return host;
  const requestedHostname = patch.host_name ?? host.requestedHostname;
  const inventory = host.inventory ? (JSON.parse(host.inventory) as Inventory) : null;
  const hostname = hostnameOf({ requestedHostname, inventory });
  await db().$transaction([
    db().host.update({
      where: { id: hostId },
      data: { requestedHostname: patch.host_name, role: patch.host_role, hostname },
    }),
    recordEvent(db(), {
      name: "host_updated",
      message: `Host ${hostLabel(host)}: ${changes.join(", ")}`,
      hostId,
      infraEnvId,
      clusterId: host.clusterId,
      requestId,
    }),
  ]);
  const scope = scopeOf(host);
  await refreshAround(hostId, { scope, hostname: host.hostname }, { scope, hostname }, new Date(), requestId);
  return getHost(infraEnvId, hostId);
}

export async function deleteHost(infraEnvId: string, hostId: string, requestId?: string) {
  const host = await getHost(infraEnvId, hostId);
  await db().$transaction([
    db().host.delete({ where: { id: hostId } }),
    recordEvent(db(), {
      name: "host_deregistered",
      message: `Host ${hostLabel(host)}: deregistered`,
      hostId,
      infraEnvId,
      clusterId: host.clusterId,
      requestId,
    }),
  ]);
  // The others may have shared its hostname.
  if (host.hostname) await refreshHosts({ ...scopeOf(host), hostname: host.hostname }, new Date(), requestId);
}

export async function bindHost(infraEnvId: string, hostId: string, clusterId: string, requestId?: string) {
  const host = await getHost(infraEnvId, hostId);
  const infraEnv = await getInfraEnv(infraEnvId);
  const cluster = await db().cluster.findUnique({ where: { id: clusterId } });
  if (!cluster) throw fieldError("cluster_id", `No cluster with id ${clusterId}`);
  if (host.clusterId) throw conflict(`Host ${hostLabel(host)} is already bound to a cluster; unbind it first`);
  const problem = bindingArchProblem(await readImageTable(), infraEnv.cpuArchitecture, cluster);
  if (problem) throw fieldError("cluster_id", `Cannot bind host ${hostLabel(host)}: ${problem}`);
  if (!isKnown(host.status))
    throw conflict(`Host ${hostLabel(host)} is ${host.status}; only a known host can be bound (${host.statusInfo})`);
  await db().$transaction([
    db().host.update({ where: { id: hostId }, data: { clusterId } }),
    recordEvent(db(), {
      name: "host_bound",
      message: `Host ${hostLabel(host)}: bound to cluster ${cluster.name}`,
      hostId,
      infraEnvId,
      clusterId,
      requestId,
    }),
  ]);
  const hostname = host.hostname;
  await refreshAround(
    hostId,
    { scope: scopeOf(host), hostname },
    { scope: { clusterId }, hostname },
    new Date(),
    requestId,
  );
  return getHost(infraEnvId, hostId);
}

export async function unbindHost(infraEnvId: string, hostId: string, requestId?: string) {
  const host = await getHost(infraEnvId, hostId);
  const infraEnv = await getInfraEnv(infraEnvId);
  if (!host.clusterId) throw conflict(`Host ${hostLabel(host)} is not bound to a cluster`);
  if (infraEnv.clusterId)
    throw new HttpError(
      400,
      `Host ${hostLabel(host)} cannot be unbound: its infra-env ${infraEnv.name} belongs to the cluster; delete the host instead`,
    );
  const cluster = await db().cluster.findUnique({ where: { id: host.clusterId } });
  await db().$transaction([
    db().host.update({ where: { id: hostId }, data: { clusterId: null, role: "auto-assign" } }),
    recordEvent(db(), {
      name: "host_unbound",
      message: `Host ${hostLabel(host)}: unbound from cluster ${cluster?.name ?? host.clusterId}`,
      hostId,
      infraEnvId,
      clusterId: host.clusterId,
      requestId,
    }),
  ]);
  const hostname = host.hostname;
  const unbound = { infraEnvId, clusterId: null };
  await refreshAround(hostId, { scope: scopeOf(host), hostname }, { scope: unbound, hostname }, new Date(), requestId);
  return getHost(infraEnvId, hostId);
}
