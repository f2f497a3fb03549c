// Re-evaluates the hosts of one scope (a cluster, or an unbound infra-env) and stores what changed:
// validations, status and suggested role, with an event for every status change. Hostname
// uniqueness makes hosts depend on each other, so a scope is always evaluated whole.
import "server-only";
import { type Arch, parseArch } from "@/lib/arch";
import { readImageTable } from "@/lib/catalog/queries";
import { clusterHostArches } from "@/lib/clusters/rules";
import { db, type Host, type Prisma } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { Inventory } from "./inventory";
import { DISCONNECT_AFTER_MS } from "./requirements";
import { evaluateHost, hostnameOf, type Scope } from "./validations";

export type ScopeKey = { clusterId: string } | { infraEnvId: string; clusterId: null };

export function scopeOf(host: Pick<Host, "clusterId" | "infraEnvId">): ScopeKey {
  return host.clusterId ? { clusterId: host.clusterId } : { infraEnvId: host.infraEnvId, clusterId: null };
}

/** How events and messages name a host: its hostname, else its id. */
export function hostLabel(host: Pick<Host, "id" | "requestedHostname" | "inventory">): string {
  return (
    hostnameOf({ requestedHostname: host.requestedHostname, inventory: host.inventory as Inventory | null }) ?? host.id
  );
}

async function clusterScope(clusterId: string | null): Promise<Scope["cluster"]> {
  if (!clusterId) return null;
  const cluster = await db().cluster.findUnique({ where: { id: clusterId } });
  if (!cluster) return null;
  const releaseArches = cluster.cpuArchitecture === "multi" ? clusterHostArches(await readImageTable(), cluster) : [];
  return {
    name: cluster.name,
    singleNode: cluster.controlPlaneCount === 1,
    arch: cluster.cpuArchitecture,
    releaseArches,
  };
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the order keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export async function refreshScope(key: ScopeKey, now = new Date(), requestId?: string): Promise<void> {
  const cluster = await clusterScope(key.clusterId);
  const hosts = await db().host.findMany({
    where: key,
    include: { infraEnv: { select: { cpuArchitecture: true } } },
  });
  const names = hosts.map((h) =>
    hostnameOf({ requestedHostname: h.requestedHostname, inventory: h.inventory as never }),
  );
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  hosts.forEach((h, i) => {
    const ev = evaluateHost(
      {
        role: h.role,
        requestedHostname: h.requestedHostname,
        inventory: h.inventory as Inventory | null,
        checkedInAt: h.checkedInAt,
      },
      {
        infraEnvArch: (parseArch(h.infraEnv.cpuArchitecture) ?? "x86_64") as Arch,
        cluster,
        otherHostnames: names.filter((n, j): n is string => j !== i && n !== null),
      },
      now,
    );
    const statusChanged = ev.status !== h.status;
    if (
      !statusChanged &&
      ev.statusInfo === h.statusInfo &&
      ev.suggestedRole === h.suggestedRole &&
      canonical(ev.validationsInfo) === canonical(h.validationsInfo)
    )
      return;
    writes.push(
      db().host.update({
        where: { id: h.id },
        data: {
          status: ev.status,
          statusInfo: ev.statusInfo,
          validationsInfo: ev.validationsInfo,
          suggestedRole: ev.suggestedRole,
          ...(statusChanged ? { statusUpdatedAt: now } : {}),
        },
      }),
    );
    if (statusChanged)
      writes.push(
        recordEvent(db(), {
          name: "host_status_updated",
          message: `Host ${hostLabel(h)} status changed from ${h.status} to ${ev.status}: ${ev.statusInfo}`,
          severity: ev.status === "known" || ev.status === "discovering" ? "info" : "warning",
          hostId: h.id,
          infraEnvId: h.infraEnvId,
          clusterId: h.clusterId,
          props: { from: h.status, to: ev.status },
          requestId,
        }),
      );
  });
  if (writes.length) await db().$transaction(writes);
}

/**
 * Disconnection is computed when hosts are read: hosts silent for too long in the rows being read
 * have their scopes re-evaluated first, so a read never shows a stale status and the change is
 * stored (with its event) by whoever looks first. No timer: nothing to run on every replica.
 */
export async function refreshSilent(where: Prisma.HostWhereInput, now = new Date()): Promise<void> {
  const silent = await db().host.findMany({
    where: {
      ...where,
      status: { not: "disconnected" },
      checkedInAt: { lt: new Date(now.getTime() - DISCONNECT_AFTER_MS) },
    },
    select: { clusterId: true, infraEnvId: true },
  });
  const keys = new Map(silent.map((h) => [JSON.stringify(scopeOf(h)), scopeOf(h)]));
  for (const key of keys.values()) await refreshScope(key, now);
}
