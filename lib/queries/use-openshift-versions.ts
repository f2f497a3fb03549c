"use client";
// The versions the image table offers; changes only when an operator edits the table.
import { useQuery } from "@tanstack/react-query";
import { listOpenshiftVersions } from "@/lib/api-client/openshift-versions";
import { catalogKeys } from "./keys";

export function useOpenshiftVersions() {
  return useQuery({ queryKey: catalogKeys.openshiftVersions(), queryFn: listOpenshiftVersions, staleTime: 60_000 });
}
