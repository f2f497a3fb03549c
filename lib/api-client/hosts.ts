// Browser client for an infra-env's hosts (/api/assisted-install/v2/infra-envs/{id}/hosts).
import type { HostUpdate } from "@/lib/hosts/schemas";
import type { HostJson } from "@/lib/hosts/serialize";
import type { HostStatus } from "@/lib/hosts/status";
import { ASSISTED_API, apiJson } from "./http";
import { listPage, type Page } from "./ims-page";

export type { HostJson };

/** `statuses` spelled exactly (known and known-unbound are two); none: every host. */
export type HostFilter = { statuses?: readonly HostStatus[]; limit?: number; offset?: number };

const base = (infraEnvId: string) => `${ASSISTED_API}/infra-envs/${encodeURIComponent(infraEnvId)}/hosts`;
const one = (infraEnvId: string, hostId: string) => `${base(infraEnvId)}/${encodeURIComponent(hostId)}`;

/** One page of an infra-env's hosts, oldest first, with the total of the filter. */
export const listInfraEnvHostPage = (infraEnvId: string, f: HostFilter): Promise<Page<HostJson>> =>
  listPage<HostJson>(base(infraEnvId), { status: f.statuses?.join(","), limit: f.limit, offset: f.offset });

export const updateHost = (infraEnvId: string, hostId: string, patch: HostUpdate) =>
  apiJson<HostJson>(one(infraEnvId, hostId), { method: "PATCH", json: patch });

export const deleteHost = (infraEnvId: string, hostId: string) =>
  apiJson<void>(one(infraEnvId, hostId), { method: "DELETE" });
