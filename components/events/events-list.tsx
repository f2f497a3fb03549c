// Events as a compact timeline: time, who did it, severity, message.

import { Badge, type Tone } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import type { EventJson } from "@/lib/api-client/events";

const SEVERITY: Record<string, Tone> = { info: "neutral", warning: "warning", error: "danger", critical: "danger" };

export function EventsList({ events }: { events: EventJson[] }) {
  return (
    <ol className="divide-y divide-slate-100">
      {events.map((e, i) => (
        <li key={`${e.event_time}-${i}`} className="py-2 first:pt-0 last:pb-0">
          <div className="flex items-center gap-2 text-xs text-slate-500">
            <DateTime value={e.event_time} />
            {e.actor ? <span>by {e.actor}</span> : null}
            {e.severity !== "info" ? <Badge tone={SEVERITY[e.severity] ?? "neutral"}>{e.severity}</Badge> : null}
          </div>
          <p className="mt-0.5 text-sm text-slate-800">{e.message}</p>
        </li>
      ))}
    </ol>
  );
}
