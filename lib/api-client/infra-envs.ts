// Browser client for /api/assisted-install/v2/infra-envs and its discovery ISO downloads.
import type { InfraEnvCreate, InfraEnvUpdate } from "@/lib/infra-envs/schemas";
import type { InfraEnvJson } from "@/lib/infra-envs/serialize";
import { ASSISTED_API, apiJson, withQuery } from "./http";
import { listPage, type Page } from "./ims-page";

export type { InfraEnvJson };

export type InfraEnvFilter = {
  clusterId?: string;
  name?: string;
  cpuArchitecture?: string;
  limit?: number;
  offset?: number;
};

/** A signed, expiring discovery ISO link and the facts of the image behind it. */
export type ImageUrlJson = {
  url: string;
  expires_at: string;
  image_type: "full-iso" | "minimal-iso";
  cpu_architecture: string;
  os_image_version: string;
  size_bytes: number;
  /** null while the server is still computing it (in the background); asking again later gives it. */
  sha256: string | null;
};

const base = `${ASSISTED_API}/infra-envs`;
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** One page of infra-envs with the total (every one when there is no limit). */
export const listInfraEnvs = (f: InfraEnvFilter = {}): Promise<Page<InfraEnvJson>> =>
  listPage<InfraEnvJson>(base, {
    cluster_id: f.clusterId,
    name: f.name,
    cpu_architecture: f.cpuArchitecture,
    limit: f.limit,
    offset: f.offset,
  });

export const getInfraEnv = (id: string) => apiJson<InfraEnvJson>(one(id));

export const createInfraEnv = (body: InfraEnvCreate) => apiJson<InfraEnvJson>(base, { method: "POST", json: body });

export const updateInfraEnv = (id: string, patch: InfraEnvUpdate) =>
  apiJson<InfraEnvJson>(one(id), { method: "PATCH", json: patch });

export const deleteInfraEnv = (id: string) => apiJson<void>(one(id), { method: "DELETE" });

/** Without an image type the server uses the infra-env's own. A 503 (base ISO still being fetched) carries Retry-After. */
export const getImageUrl = (id: string, opts: { imageType?: ImageUrlJson["image_type"]; signal?: AbortSignal } = {}) =>
  apiJson<ImageUrlJson>(withQuery(`${one(id)}/downloads/image-url`, { image_type: opts.imageType }), {
    signal: opts.signal,
  });

/** Rotates the infra-env's signing key: every link issued before stops working. */
export const regenerateSigningKey = (id: string) =>
  apiJson<void>(`${one(id)}/regenerate-signing-key`, { method: "POST" });

/** The Ignition config the discovery ISO embeds, for inspection (a plain link, not fetched here). */
export const ignitionConfigHref = (id: string) =>
  withQuery(`${one(id)}/downloads/files`, { file_name: "discovery.ign" });
