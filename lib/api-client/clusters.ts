// Browser client for /api/assisted-install/v2/clusters.

import type { ClusterCreate, ClusterUpdate } from "@/lib/clusters/schemas";
import type { ClusterJson } from "@/lib/clusters/serialize";
import { ASSISTED_API, apiJson } from "./http";

export type { ClusterJson };

const base = `${ASSISTED_API}/clusters`;

export const listClusters = () => apiJson<ClusterJson[]>(base);

export const getCluster = (id: string) => apiJson<ClusterJson>(`${base}/${encodeURIComponent(id)}`);

export const createCluster = (body: ClusterCreate) => apiJson<ClusterJson>(base, { method: "POST", json: body });

export const updateCluster = (id: string, patch: ClusterUpdate) =>
  apiJson<ClusterJson>(`${base}/${encodeURIComponent(id)}`, { method: "PATCH", json: patch });

export const deleteCluster = (id: string) => apiJson<void>(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" });
