// Browser client for an infra-env's hosts (/api/assisted-install/v2/infra-envs/{id}/hosts).
import type { HostUpdate } from "@/lib/hosts/schemas";
import type { HostJson } from "@/lib/hosts/serialize";
import { ASSISTED_API, apiJson } from "./http";

export type { HostJson };

const base = (infraEnvId: string) => `${ASSISTED_API}/infra-envs/${encodeURIComponent(infraEnvId)}/hosts`;
const one = (infraEnvId: string, hostId: string) => `${base(infraEnvId)}/${encodeURIComponent(hostId)}`;

export const listInfraEnvHosts = (infraEnvId: string) => apiJson<HostJson[]>(base(infraEnvId));

export const updateHost = (infraEnvId: string, hostId: string, patch: HostUpdate) =>
  apiJson<HostJson>(one(infraEnvId, hostId), { method: "PATCH", json: patch });

export const deleteHost = (infraEnvId: string, hostId: string) =>
  apiJson<void>(one(infraEnvId, hostId), { method: "DELETE" });
