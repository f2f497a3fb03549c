"use client";
// The host's missing packages; re-read every minute so the notice goes once they are installed.
import { useQuery } from "@tanstack/react-query";
import { getSystem } from "@/lib/api-client/system";
import { systemKeys } from "./keys";

export function useSystem() {
  return useQuery({ queryKey: systemKeys.all, queryFn: getSystem, staleTime: 30_000, refetchInterval: 60_000 });
}
