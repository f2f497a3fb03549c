// Browser client for /api/assisted-install/v2/clusters.

import type { ClusterCreate, ClusterUpdate } from "@/lib/clusters/schemas";
import type { ClusterJson } from "@/lib/clusters/serialize";
import { ASSISTED_API, apiJson } from "./http";
import { listPage, type Page } from "./ims-page";

export type { ClusterJson };

const base = `${ASSISTED_API}/clusters`;

/** `cpuArchitecture` in any spelling the API takes (arm64, aarch64, multi). */
export type ClusterFilter = { name?: string; cpuArchitecture?: string; limit?: number; offset?: number };

/** Every cluster (no limit), or one page of them with the total. */
export const listClusters = () => apiJson<ClusterJson[]>(base);

export const listClusterPage = (f: ClusterFilter): Promise<Page<ClusterJson>> =>
  listPage<ClusterJson>(base, { name: f.name, cpu_architecture: f.cpuArchitecture, limit: f.limit, offset: f.offset });

export const getCluster = (id: string) => apiJson<ClusterJson>(`${base}/${encodeURIComponent(id)}`);

export const createCluster = (body: ClusterCreate) => apiJson<ClusterJson>(base, { method: "POST", json: body });

export const updateCluster = (id: string, patch: ClusterUpdate) =>
  apiJson<ClusterJson>(`${base}/${encodeURIComponent(id)}`, { method: "PATCH", json: patch });

export const deleteCluster = (id: string) => apiJson<void>(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" });
