// Browser client for /api/assisted-install/v2/events; the total comes in the Event-Count header.
import type { serializeEvent } from "@/lib/events/queries";
import { ASSISTED_API, apiRequest, withQuery } from "./http";

export type EventJson = ReturnType<typeof serializeEvent>;
export type EventFilter = {
  clusterId?: string;
  infraEnvId?: string;
  severities?: string[];
  limit?: number;
  offset?: number;
};
export type EventPage = { events: EventJson[]; total: number };

export async function listEvents(filter: EventFilter): Promise<EventPage> {
  const res = await apiRequest(
    withQuery(`${ASSISTED_API}/events`, {
      cluster_id: filter.clusterId,
      infra_env_id: filter.infraEnvId,
      severities: filter.severities?.join(","),
      limit: filter.limit,
      offset: filter.offset,
    }),
  );
  const events = (await res.json()) as EventJson[];
  const total = Number(res.headers.get("Event-Count") ?? events.length);
  return { events, total: Number.isFinite(total) ? total : events.length };
}
