"use client";
// Recent events of a cluster or infra-env, refreshed while the page is open.
import { useQuery } from "@tanstack/react-query";
import { type EventFilter, listEvents } from "@/lib/api-client/events";
import { eventKeys } from "./keys";

export function useEvents(filter: EventFilter) {
  return useQuery({ queryKey: eventKeys.list(filter), queryFn: () => listEvents(filter), refetchInterval: 15_000 });
}
