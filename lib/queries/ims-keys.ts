// Query key factories of the IMS resources (recipes, images, artifacts, public keys), kept apart from
// keys.ts so each family can be invalidated whole.
import type { ImsListFilter } from "@/lib/api-client/ims-page";

export const recipeKeys = {
  all: ["recipes"] as const,
  lists: () => [...recipeKeys.all, "list"] as const,
  list: (filter: ImsListFilter) => [...recipeKeys.lists(), filter] as const,
  detail: (id: string) => [...recipeKeys.all, "detail", id] as const,
  /** The report of the archive upload made in this browser session (the server does not keep it). */
  uploadReport: (id: string) => [...recipeKeys.all, "upload-report", id] as const,
};

export const imageKeys = {
  all: ["images"] as const,
  lists: () => [...imageKeys.all, "list"] as const,
  list: (filter: ImsListFilter) => [...imageKeys.lists(), filter] as const,
  detail: (id: string) => [...imageKeys.all, "detail", id] as const,
};

/** Artifacts never change once stored, so these entries never go stale. */
export const artifactKeys = {
  all: ["artifacts"] as const,
  manifest: (path: string) => [...artifactKeys.all, "manifest", path] as const,
  head: (path: string) => [...artifactKeys.all, "head", path] as const,
};

export const publicKeyKeys = {
  all: ["public-keys"] as const,
  lists: () => [...publicKeyKeys.all, "list"] as const,
  list: (filter: Omit<ImsListFilter, "arch">) => [...publicKeyKeys.lists(), filter] as const,
  fingerprint: (key: string) => [...publicKeyKeys.all, "fingerprint", key] as const,
};
