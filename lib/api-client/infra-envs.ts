// Browser client for /api/assisted-install/v2/infra-envs.
import type { InfraEnvCreate, InfraEnvUpdate } from "@/lib/infra-envs/schemas";
import type { InfraEnvJson } from "@/lib/infra-envs/serialize";
import { apiJson, ASSISTED_API, withQuery } from "./http";

export type { InfraEnvJson };

export type InfraEnvFilter = { clusterId?: string };

const base = `${ASSISTED_API}/infra-envs`;

export const listInfraEnvs = (filter: InfraEnvFilter = {}) => apiJson<InfraEnvJson[]>(withQuery(base, { cluster_id: filter.clusterId }));

export const getInfraEnv = (id: string) => apiJson<InfraEnvJson>(`${base}/${encodeURIComponent(id)}`);

export const createInfraEnv = (body: InfraEnvCreate) => apiJson<InfraEnvJson>(base, { method: "POST", json: body });

export const updateInfraEnv = (id: string, patch: InfraEnvUpdate) =>
  apiJson<InfraEnvJson>(`${base}/${encodeURIComponent(id)}`, { method: "PATCH", json: patch });

export const deleteInfraEnv = (id: string) => apiJson<void>(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" });
