// Query key factories: every cache entry of the console is named here, so mutations can
// invalidate whole families (all lists, one detail) without guessing.
import type { EventFilter } from "@/lib/api-client/events";
import type { InfraEnvFilter } from "@/lib/api-client/infra-envs";

export const clusterKeys = {
  all: ["clusters"] as const,
  lists: () => [...clusterKeys.all, "list"] as const,
  detail: (id: string) => [...clusterKeys.all, "detail", id] as const,
};

export const infraEnvKeys = {
  all: ["infra-envs"] as const,
  lists: () => [...infraEnvKeys.all, "list"] as const,
  list: (filter: InfraEnvFilter) => [...infraEnvKeys.lists(), filter] as const,
  detail: (id: string) => [...infraEnvKeys.all, "detail", id] as const,
};

export const eventKeys = {
  all: ["events"] as const,
  list: (filter: EventFilter) => [...eventKeys.all, "list", filter] as const,
};

export const catalogKeys = {
  all: ["catalog"] as const,
  openshiftVersions: () => [...catalogKeys.all, "openshift-versions"] as const,
  imageTable: () => [...catalogKeys.all, "os-images"] as const,
};
