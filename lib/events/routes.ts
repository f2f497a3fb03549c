// The events list, shared by its app/ route file and the Node server, which answers it itself
// (lib/downloads/node-routes.ts), as it does every assisted list.
import "server-only";
import { pageResponse } from "@/lib/http/paged";
import { route } from "@/lib/http/route";
import { eventsQuerySchema, listEvents, serializeEvent } from "./queries";

/** GET /api/assisted-install/v2/events: the total in X-Total-Count and Event-Count, and per severity. */
export const listEventsRoute = route({ access: "viewer", query: eventsQuerySchema }, async ({ query }) => {
  const { events, total, counts } = await listEvents(query);
  return pageResponse(events.map(serializeEvent), total, {
    "Event-Count": String(total),
    ...Object.fromEntries(
      Object.entries(counts).map(([s, n]) => [`Severity-Count-${s[0].toUpperCase()}${s.slice(1)}`, String(n)]),
    ),
  });
});
