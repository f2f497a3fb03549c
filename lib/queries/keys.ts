// Query key factories: every cache entry of the console is named here, so mutations can
// invalidate whole families (all lists, one detail) without guessing.
import type { ClusterFilter } from "@/lib/api-client/clusters";
import type { EventFilter } from "@/lib/api-client/events";
import type { InfraEnvFilter } from "@/lib/api-client/infra-envs";

export const clusterKeys = {
  all: ["clusters"] as const,
  lists: () => [...clusterKeys.all, "list"] as const,
  page: (filter: ClusterFilter) => [...clusterKeys.lists(), filter] as const,
  detail: (id: string) => [...clusterKeys.all, "detail", id] as const,
};

export const infraEnvKeys = {
  all: ["infra-envs"] as const,
  lists: () => [...infraEnvKeys.all, "list"] as const,
  list: (filter: InfraEnvFilter) => [...infraEnvKeys.lists(), filter] as const,
  detail: (id: string) => [...infraEnvKeys.all, "detail", id] as const,
  /** The current download link of one infra-env's discovery ISO (fetched on demand). */
  imageUrl: (id: string) => [...infraEnvKeys.all, "image-url", id] as const,
  /** Waiting for the sha256 of the image behind one issued link. */
  imageDigest: (id: string, url: string) => [...infraEnvKeys.all, "image-digest", id, url] as const,
};

export const hostKeys = {
  all: ["hosts"] as const,
  /** The hosts of one infra-env (a cluster's hosts come with the cluster, under clusterKeys.detail). */
  ofInfraEnv: (infraEnvId: string) => [...hostKeys.all, "infra-env", infraEnvId] as const,
  /** One page of them, with the totals the table shows. */
  page: (infraEnvId: string, page: { limit: number; offset: number }) =>
    [...hostKeys.ofInfraEnv(infraEnvId), page] as const,
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

export const jobKeys = {
  all: ["jobs"] as const,
  detail: (id: string) => [...jobKeys.all, "detail", id] as const,
  log: (id: string) => [...jobKeys.all, "log", id] as const,
};

export const systemKeys = {
  all: ["system"] as const,
};

export const workerKeys = {
  all: ["workers"] as const,
};

export const accountKeys = {
  tokens: ["tokens"] as const,
  users: ["users"] as const,
  audit: (filter: { limit: number; offset: number; actor?: string }) => ["audit", filter] as const,
};
