// Browser client for /apis/ims/v3/public-keys.
import type { PublicKeyCreate } from "@/lib/public-keys/schemas";
import type { serializePublicKey } from "@/lib/public-keys/service";
import { apiJson } from "./http";
import { IMS_API, type ImsListFilter, listPage } from "./ims-page";

export type PublicKeyJson = ReturnType<typeof serializePublicKey>;

const base = `${IMS_API}/public-keys`;

export const listPublicKeys = (filter: Omit<ImsListFilter, "arch">) => listPage<PublicKeyJson>(base, filter);

export const createPublicKey = (body: PublicKeyCreate) => apiJson<PublicKeyJson>(base, { method: "POST", json: body });

/** 409 while running jobs use the key. */
export const deletePublicKey = (id: string) => apiJson<void>(`${base}/${encodeURIComponent(id)}`, { method: "DELETE" });
