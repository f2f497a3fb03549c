// Browser client for /apis/ims/v3/images: list, one image, arch and label changes, delete.
import type { ImagePatch } from "@/lib/images/schemas";
import type { ImageJson } from "@/lib/images/serialize";
import { apiJson } from "./http";
import { IMS_API, type ImsListFilter, listPage } from "./ims-page";

export type { ImageJson };

const base = `${IMS_API}/images`;
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listImages = (filter: ImsListFilter) => listPage<ImageJson>(base, filter);

export const getImage = (id: string) => apiJson<ImageJson>(one(id));

/** `metadata` as a map: a string sets a label, null removes it. A link, once set, cannot change (409). */
export const patchImage = (id: string, patch: ImagePatch) =>
  apiJson<ImageJson>(one(id), { method: "PATCH", json: patch });

/** 409 with `errors.jobs` while jobs customize the image or are producing it. */
export const deleteImage = (id: string) => apiJson<void>(one(id), { method: "DELETE" });
