// Lists events with the filters of assisted-service's GET /v2/events (every event without `limit`, as there).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { optionalPagination, pageOf } from "@/lib/http/params";

export const SEVERITIES = ["info", "warning", "error", "critical"] as const;

export const eventsQuerySchema = z
  .object({
    cluster_id: z.uuid().optional(),
    infra_env_id: z.uuid().optional(),
    host_id: z.uuid().optional(),
    severities: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s) return undefined;
        const list = s
          .split(",")
          .map((x) => x.trim().toLowerCase())
          .filter(Boolean);
        const bad = list.filter((x) => !(SEVERITIES as readonly string[]).includes(x));
        if (bad.length) {
          ctx.addIssue({ code: "custom", message: `Unknown severity ${bad.join(", ")}; use ${SEVERITIES.join(", ")}` });
          return z.NEVER;
        }
        return list;
      }),
    message: z.string().max(256).optional(),
    ...optionalPagination,
    order: z.enum(["ascending", "descending"]).default("descending"),
  })
  .strict();

export type EventsQuery = z.output<typeof eventsQuerySchema>;

export async function listEvents(q: EventsQuery) {
  const where = {
    ...(q.cluster_id ? { clusterId: q.cluster_id } : {}),
    ...(q.infra_env_id ? { infraEnvId: q.infra_env_id } : {}),
    ...(q.host_id ? { hostId: q.host_id } : {}),
    ...(q.message ? { message: { contains: q.message } } : {}),
  };
  const filtered = { ...where, ...(q.severities ? { severity: { in: q.severities } } : {}) };
  const [events, total, bySeverity] = await Promise.all([
    db().event.findMany({
      where: filtered,
      orderBy: [
        { eventTime: q.order === "ascending" ? "asc" : "desc" },
        { id: q.order === "ascending" ? "asc" : "desc" },
      ],
      ...pageOf(q),
    }),
    db().event.count({ where: filtered }),
    db().event.groupBy({ by: ["severity"], where, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, bySeverity.find((g) => g.severity === s)?._count._all ?? 0]),
  );
  return { events, total, counts };
}

export function serializeEvent(e: Awaited<ReturnType<typeof listEvents>>["events"][number]) {
  return {
    name: e.name,
    cluster_id: e.clusterId ?? undefined,
    infra_env_id: e.infraEnvId ?? undefined,
    host_id: e.hostId ?? undefined,
    severity: e.severity,
    category: e.category,
    message: e.message,
    event_time: e.eventTime.toISOString(),
    request_id: e.requestId ?? undefined,
    /** Who caused it (a user name or token:<name>); absent for the agent and background work. */
    actor: e.actor ?? undefined,
    props: e.props ? JSON.stringify(e.props) : undefined,
  };
}
