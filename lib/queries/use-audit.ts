"use client";
// One page of the audit log, newest first.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listAudit } from "@/lib/api-client/accounts";
import { accountKeys } from "./keys";

export function useAudit(filter: { limit: number; offset: number; actor?: string }) {
  return useQuery({
    queryKey: accountKeys.audit(filter),
    queryFn: () => listAudit(filter),
    placeholderData: keepPreviousData,
  });
}
