"use client";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
// Recent events of one cluster or infra-env, newest first.
import type { EventFilter } from "@/lib/api-client/events";
import { useEvents } from "@/lib/queries/use-events";
import { EventsList } from "./events-list";

const LIMIT = 20;

export function EventsPanel({ filter }: { filter: Omit<EventFilter, "limit" | "offset"> }) {
  const { data, error, isPending } = useEvents({ ...filter, limit: LIMIT });
  const description =
    data && data.total > data.events.length ? `Latest ${data.events.length} of ${data.total}` : undefined;
  return (
    <Panel title="Recent events" description={description}>
      {isPending ? (
        <LoadingState label="Loading events…" />
      ) : error ? (
        <ErrorState error={error} title="Could not load events" />
      ) : data.events.length === 0 ? (
        <p className="text-sm text-slate-500">No events yet.</p>
      ) : (
        <EventsList events={data.events} />
      )}
    </Panel>
  );
}
