"use client";
// The workers, re-read every 3 s: heartbeats, load and liveness change while the page is open.
import { useQuery } from "@tanstack/react-query";
import { getWorkers } from "@/lib/api-client/workers";
import { workerKeys } from "./keys";

export function useWorkers() {
  return useQuery({ queryKey: workerKeys.all, queryFn: getWorkers, refetchInterval: 3_000 });
}
