// The clusters list as JSON text. Each cluster's JSON is kept while nothing it shows has changed (the
// row's updatedAt, its hosts' roles and states, its infra-env count), so listing every cluster
// (assisted clients send no limit: 10,000 rows) reads two columns of each unchanged row and encodes
// none of them again; only changed or new clusters are read whole and serialized. The list's tag
// (its ETag) changes whenever any of its bytes would, so the Node server keeps the list's gzip.
import "server-only";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { db, type Prisma } from "@/lib/db";
import { refreshSilent } from "@/lib/hosts/refresh";
import { jsonArrayPieces } from "@/lib/http/paged";
import { pageOf } from "@/lib/http/params";
import type { ReadinessHost } from "./readiness";
import type { ClusterListQuery } from "./schemas";
import { serializeCluster } from "./serialize";

// About 1.3 KB each: at most ~26 MB held, for sites with up to 20,000 clusters listed whole. UTF-8
// bytes: the list is written as these pieces, never joined into one string and encoded again.
const kept = new LRUCache<string, { stamp: string; json: Buffer }>({ max: 20_000 });
const CHUNK = 1000;

/** A page of clusters (all of them without `limit`), newest first, as the pieces of a JSON array, and the total. */
export async function clusterListJson(
  q: ClusterListQuery = { offset: 0 },
): Promise<{ json: Buffer[]; total: number; tag: string }> {
  await refreshSilent({ clusterId: { not: null } });
  const where: Prisma.ClusterWhereInput = {
    ...(q.name ? { name: { contains: q.name } } : {}),
    ...(q.cpu_architecture ? { cpuArchitecture: q.cpu_architecture } : {}),
  };
  const [heads, total] = await Promise.all([
    db().cluster.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, updatedAt: true },
      ...pageOf(q),
    }),
    db().cluster.count({ where }),
  ]);
  // Grouped queries over the page rather than Prisma's per-relation loading (batches of IN lists);
  // the whole list asks for every cluster's hosts at once.
  const paged = q.limit !== undefined || q.offset > 0 || Object.keys(where).length > 0;
  const ids = paged ? { in: heads.map((c) => c.id) } : { not: null };
  const [hosts, infraEnvs] = await Promise.all([
    db().host.findMany({
      where: { clusterId: ids },
      select: { clusterId: true, role: true, suggestedRole: true, status: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().infraEnv.groupBy({ by: ["clusterId"], where: { clusterId: ids }, _count: { _all: true } }),
  ]);
  const hostsOf = new Map<string, ReadinessHost[]>();
  for (const { clusterId, ...h } of hosts) {
    const list = hostsOf.get(clusterId as string);
    if (list) list.push(h);
    else hostsOf.set(clusterId as string, [h]);
  }
  const infraEnvCount = new Map(infraEnvs.map((g) => [g.clusterId, g._count._all]));
  const stampOf = (id: string, updatedAt: Date) =>
    `${updatedAt.getTime()}|${infraEnvCount.get(id) ?? 0}|${(hostsOf.get(id) ?? []).map((h) => `${h.role}/${h.suggestedRole}/${h.status}`).join(",")}`;

  const stamps = new Map(heads.map((c) => [c.id, stampOf(c.id, c.updatedAt)]));
  const stale = heads.filter((c) => kept.peek(c.id)?.stamp !== stamps.get(c.id)).map((c) => c.id);
  for (let i = 0; i < stale.length; i += CHUNK) {
    for (const c of await db().cluster.findMany({ where: { id: { in: stale.slice(i, i + CHUNK) } } })) {
      const mine = hostsOf.get(c.id) ?? [];
      const json = Buffer.from(
        JSON.stringify(
          serializeCluster({
            ...c,
            hosts: mine,
            _count: { hosts: mine.length, infraEnvs: infraEnvCount.get(c.id) ?? 0 },
          }),
        ),
      );
      // Stamped as read now: a change between the two reads shows next time, never a mix.
      kept.set(c.id, { stamp: stampOf(c.id, c.updatedAt), json });
    }
  }
  // A cluster deleted between the reads is left out. The tag names exactly these bytes: the rows
  // in order, each by the stamp of the JSON kept for it.
  const rows = heads.map(({ id }) => kept.get(id));
  const tag = createHash("sha1").update(`clusters ${total}`);
  for (const [i, { id }] of heads.entries()) tag.update(`\n${id} ${rows[i]?.stamp ?? "-"}`);
  return { json: jsonArrayPieces(rows.map((r) => r?.json)), total, tag: tag.digest("base64url") };
}
