// Re-evaluates hosts and stores what changed: validations, status and suggested role, with an event
// for every status change. Only the hosts whose validations can change are evaluated: a host's own
// facts touch only itself; a hostname touches the hosts of its scope that share it (uniqueness),
// found through the indexed `hostname` column, so one agent's reply costs the same at 1 or 10,000 hosts.
import "server-only";
import { type Arch, parseArch } from "@/lib/arch";
import { readImageTable } from "@/lib/catalog/queries";
import { clusterHostArches } from "@/lib/clusters/rules";
import { db, type Host, type Prisma } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { Inventory } from "./inventory";
import { DISCONNECT_AFTER_MS } from "./requirements";
import { baseStatus, spellings } from "./status";
import { evaluateHost, type Scope } from "./validations";

export type ScopeKey = { clusterId: string } | { infraEnvId: string; clusterId: null };

export function scopeOf(host: Pick<Host, "clusterId" | "infraEnvId">): ScopeKey {
  return host.clusterId ? { clusterId: host.clusterId } : { infraEnvId: host.infraEnvId, clusterId: null };
}

/** How events and messages name a host: its hostname, else its id. */
export function hostLabel(host: Pick<Host, "id" | "hostname">): string {
  return host.hostname ?? host.id;
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

type Row = Host & { infraEnv: { cpuArchitecture: string } };

/**
 * Hosts per query and per transaction when many are evaluated at once (a rack silent together after
 * an outage): one IN list of a thousand names exceeded the database's bound-parameter limit.
 */
const CHUNK = 500;

/** Hosts of `rows` whose hostname another host of the same scope also has (one query per scope). */
async function takenHostnames(rows: Row[]): Promise<Set<string>> {
  const taken = new Set<string>();
  const byScope = new Map<string, { key: ScopeKey; names: Set<string> }>();
  for (const h of rows) {
    if (!h.hostname) continue;
    const key = scopeOf(h);
    const id = JSON.stringify(key);
    const entry = byScope.get(id) ?? { key, names: new Set() };
    entry.names.add(h.hostname);
    byScope.set(id, entry);
  }
  for (const { key, names } of byScope.values()) {
    const all = [...names];
    for (let i = 0; i < all.length; i += CHUNK) {
      const groups = await db().host.groupBy({
        by: ["hostname"],
        where: { ...key, hostname: { in: all.slice(i, i + CHUNK) } },
        _count: { _all: true },
      });
      for (const g of groups) if (g.hostname && g._count._all > 1) taken.add(`${JSON.stringify(key)}\n${g.hostname}`);
    }
  }
  return new Set(
    rows.filter((h) => h.hostname && taken.has(`${JSON.stringify(scopeOf(h))}\n${h.hostname}`)).map((h) => h.id),
  );
}

/** Evaluates the hosts `where` selects and writes what changed, in one transaction. */
export async function refreshHosts(where: Prisma.HostWhereInput, now = new Date(), requestId?: string) {
  const rows = await db().host.findMany({ where, include: { infraEnv: { select: { cpuArchitecture: true } } } });
  if (rows.length === 0) return;
  const clusters = new Map<string, Scope["cluster"]>();
  for (const id of new Set(rows.map((h) => h.clusterId).filter((c): c is string => c !== null)))
    clusters.set(id, await clusterScope(id));
  const taken = await takenHostnames(rows);
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  for (const h of rows) {
    const ev = evaluateHost(
      {
        role: h.role,
        requestedHostname: h.requestedHostname,
        inventory: h.inventory ? (JSON.parse(h.inventory) as Inventory) : null,
        checkedInAt: h.checkedInAt,
      },
      {
        infraEnvArch: (parseArch(h.infraEnv.cpuArchitecture) ?? "x86_64") as Arch,
        cluster: h.clusterId ? (clusters.get(h.clusterId) ?? null) : null,
        hostnameTaken: taken.has(h.id),
      },
      now,
    );
    // Written in the anchor's group order; the same text means nothing changed.
    const validationsInfo = JSON.stringify(ev.validationsInfo);
    const statusChanged = ev.status !== h.status;
    if (
      !statusChanged &&
      ev.statusInfo === h.statusInfo &&
      ev.suggestedRole === h.suggestedRole &&
      validationsInfo === h.validationsInfo
    )
      continue;
    writes.push(
      db().host.update({
        where: { id: h.id },
        data: {
          status: ev.status,
          statusInfo: ev.statusInfo,
          validationsInfo,
          detailsRevision: { increment: 1 },
          suggestedRole: ev.suggestedRole,
          ...(statusChanged ? { statusUpdatedAt: now } : {}),
        },
      }),
    );
    if (statusChanged) {
      const base = baseStatus(ev.status);
      writes.push(
        recordEvent(db(), {
          name: "host_status_updated",
          message: `Host ${hostLabel(h)} status changed from ${h.status} to ${ev.status}: ${ev.statusInfo}`,
          severity: base === "known" || base === "discovering" ? "info" : "warning",
          hostId: h.id,
          infraEnvId: h.infraEnvId,
          clusterId: h.clusterId,
          props: { from: h.status, to: ev.status },
          requestId,
        }),
      );
    }
  }
  if (writes.length) await db().$transaction(writes);
}

/** Every host of a scope: when what they share changes (the cluster went away, say). */
export function refreshScope(key: ScopeKey, now = new Date(), requestId?: string) {
  return refreshHosts(key, now, requestId);
}

/**
 * After a host's hostname or scope changed: the host itself, and the hosts of its old and new scope
 * that carry its old or new hostname (their uniqueness validation may have flipped).
 */
export async function refreshAround(
  hostId: string,
  before: { scope: ScopeKey; hostname: string | null },
  after: { scope: ScopeKey; hostname: string | null },
  now = new Date(),
  requestId?: string,
) {
  const same = JSON.stringify(before.scope) === JSON.stringify(after.scope) && before.hostname === after.hostname;
  if (same) return refreshHosts({ id: hostId }, now, requestId);
  const namesakes: Prisma.HostWhereInput[] = [];
  for (const { scope } of [before, after])
    for (const name of new Set([before.hostname, after.hostname]))
      if (name) namesakes.push({ ...scope, hostname: name });
  await refreshHosts({ OR: [{ id: hostId }, ...namesakes] }, now, requestId);
}

/**
 * Disconnection is computed when hosts are read: hosts silent for too long among the rows being read
 * are re-evaluated first (an indexed query that finds nothing when every host checks in), so a read
 * never shows a stale status and the change is stored (with its event) by whoever looks first. No
 * timer: nothing to run on every replica. Silence changes only the host's own validations.
 */
export async function refreshSilent(where: Prisma.HostWhereInput, now = new Date()): Promise<void> {
  const silent = await db().host.findMany({
    where: {
      ...where,
      checkedInAt: { lt: new Date(now.getTime() - DISCONNECT_AFTER_MS) },
      status: { notIn: spellings("disconnected") },
    },
    select: { id: true },
  });
  for (let i = 0; i < silent.length; i += CHUNK)
    await refreshHosts({ id: { in: silent.slice(i, i + CHUNK).map((h) => h.id) } }, now);
}
