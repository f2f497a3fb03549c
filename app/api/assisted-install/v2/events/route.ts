// GET /api/assisted-install/v2/events – events filtered by cluster, infra-env, host and severity;
// limit/offset (every event without limit), the total in X-Total-Count and Event-Count
import { eventsQuerySchema, listEvents, serializeEvent } from "@/lib/events/queries";
import { pageResponse } from "@/lib/http/paged";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: eventsQuerySchema }, async ({ query }) => {
  const { events, total, counts } = await listEvents(query);
  return pageResponse(events.map(serializeEvent), total, {
    "Event-Count": String(total),
    ...Object.fromEntries(
      Object.entries(counts).map(([s, n]) => [`Severity-Count-${s[0].toUpperCase()}${s.slice(1)}`, String(n)]),
    ),
  });
});
