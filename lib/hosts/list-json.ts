// An infra-env's hosts list as JSON text. A thousand discovery agents check in all the time, and
// each check-in changes only checked_in_at and updated_at; everything else a host shows changes
// rarely, and its two large texts (inventory, validations_info: ~2 KB each) only with its
// detailsRevision. So each host's JSON up to those two timestamps is kept while its stamp (every
// other shown field, and the revision) is unchanged, and a list reads the small columns of every
// host and the whole row only of hosts whose stamp moved. Reading and encoding 2 MB at every list
// blocked the process ~50 ms while the agents' polls waited.
import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import { jsonArrayPieces } from "@/lib/http/paged";
import { type Pagination, pageOf } from "@/lib/http/params";
import { getInfraEnv } from "@/lib/infra-envs/service";
import { refreshSilent } from "./refresh";
import { serializeHost } from "./serialize";
import type { HostStatus } from "./status";

// About 4.5 KB each: at most ~90 MB held, for sites listing up to 20,000 hosts whole.
const CHUNK = 500;
const KEY = Symbol.for("archway.hostListJson");
type Kept = { stamp: string; head: Buffer };
const g = globalThis as { [KEY]?: LRUCache<string, Kept> };
const kept = (g[KEY] ??= new LRUCache<string, Kept>({ max: 20_000 }));

/** Every column the JSON shows, but the two texts. */
const small = {
  id: true,
  infraEnvId: true,
  clusterId: true,
  status: true,
  statusInfo: true,
  statusUpdatedAt: true,
  requestedHostname: true,
  role: true,
  suggestedRole: true,
  bootstrap: true,
  discoveryAgentVersion: true,
  detailsRevision: true,
  checkedInAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Small = {
  clusterId: string | null;
  status: string;
  statusInfo: string;
  statusUpdatedAt: Date;
  requestedHostname: string | null;
  role: string;
  suggestedRole: string | null;
  bootstrap: boolean;
  discoveryAgentVersion: string | null;
  detailsRevision: number;
  createdAt: Date;
};

// createdAt tells a host deleted and registered again (its revision starts over) from the old one.
const stampOf = (h: Small) =>
  `${h.detailsRevision}|${h.createdAt.getTime()}|${h.statusUpdatedAt.getTime()}|${h.status}|${h.role}|${h.suggestedRole}|${h.bootstrap}|${h.clusterId}|${h.requestedHostname}|${h.discoveryAgentVersion}|${h.statusInfo}`;

/** The JSON of a host without its closing brace, ending before the timestamps that check-ins move. */
const VOLATILE = ',"checked_in_at":';

/** Kept as UTF-8: a list is the kept bytes copied once into the body, not a string encoded again. */
function headOf(json: string): Buffer {
  const at = json.lastIndexOf(VOLATILE);
  if (at < 0) throw new Error("serializeHost no longer ends with checked_in_at, created_at, updated_at");
  return Buffer.from(json.slice(0, at));
}

const tail = (h: { checkedInAt: Date; createdAt: Date; updatedAt: Date }) =>
  `${VOLATILE}"${h.checkedInAt.toISOString()}","created_at":"${h.createdAt.toISOString()}","updated_at":"${h.updatedAt.toISOString()}"}`;

/** Which hosts a list shows: a page (every host without `limit`), of the given statuses only if any. */
export type HostListFilter = Pagination & { status?: readonly HostStatus[] };

/**
 * A page of an infra-env's hosts, oldest first, as the pieces of a JSON array, and the total of the
 * filter. The status filter applies to the rows read, after the refresh: what is kept is per host
 * and checked by its stamp, so a filtered list reads the same kept JSON as an unfiltered one.
 */
export async function hostListJson(infraEnvId: string, filter: HostListFilter = { offset: 0 }, now = new Date()) {
  const infraEnv = await getInfraEnv(infraEnvId);
  await refreshSilent({ infraEnvId }, now);
  const where = { infraEnvId, ...(filter.status ? { status: { in: [...filter.status] } } : {}) };
  const [heads, total] = await Promise.all([
    db().host.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: small, ...pageOf(filter) }),
    filter.status ? db().host.count({ where }) : infraEnv._count.hosts,
  ]);
  const stamps = heads.map(stampOf);
  const stale = heads.filter((h, i) => kept.peek(h.id)?.stamp !== stamps[i]).map((h) => h.id);
  for (let i = 0; i < stale.length; i += CHUNK)
    // Stamped as read now: a change between the two reads shows next time, never a mix.
    for (const h of await db().host.findMany({ where: { id: { in: stale.slice(i, i + CHUNK) } } }))
      kept.set(h.id, { stamp: stampOf(h), head: headOf(JSON.stringify(serializeHost(h))) });
  // A host deleted between the reads is left out.
  const rows = heads.map((h) => {
    const entry = kept.get(h.id);
    return entry && [entry.head, Buffer.from(tail(h))];
  });
  return { json: jsonArrayPieces(rows), total };
}
