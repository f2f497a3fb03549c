// GET /api/assisted-install/v2/events – events filtered by cluster, infra-env, host and severity;
// limit/offset (every event without limit), the total in X-Total-Count and Event-Count. Handler in
// lib/events/routes.ts (the Node server answers it itself).
import { listEventsRoute } from "@/lib/events/routes";

export const dynamic = "force-dynamic";
export const GET = listEventsRoute;
