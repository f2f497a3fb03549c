"use client";
// The recipes and images jobs start from or produce, by id, for names and links. Shares the recipe and
// image detail cache with their own pages; a deleted one (404) is remembered as null and not retried.
import { useQueries } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-client/api-error";
import { getImage } from "@/lib/api-client/images";
import { getRecipe } from "@/lib/api-client/recipes";
import { imageKeys, recipeKeys } from "./ims-keys";

export type ArtifactRef = { kind: "image" | "recipe"; id: string };
export type ArtifactInfo = { name: string; arch: string };
/** undefined: still loading (or failed for another reason); null: it no longer exists. */
export type ArtifactLookup = (ref: ArtifactRef) => ArtifactInfo | null | undefined;

export const artifactRefOf = (job: { job_type: string; artifact_id: string }): ArtifactRef => ({
  kind: job.job_type === "create" ? "recipe" : "image",
  id: job.artifact_id,
});

const keyOf = (r: ArtifactRef) => `${r.kind}:${r.id}`;

export function useJobArtifacts(refs: ArtifactRef[]): ArtifactLookup {
  const unique = [...new Map(refs.map((r) => [keyOf(r), r])).values()];
  const results = useQueries({
    queries: unique.map((r) => ({
      queryKey: r.kind === "image" ? imageKeys.detail(r.id) : recipeKeys.detail(r.id),
      queryFn: () => (r.kind === "image" ? getImage(r.id) : getRecipe(r.id)),
      staleTime: 60_000,
      retry: (n: number, err: Error) => !(err instanceof ApiError && err.isNotFound) && n < 2,
    })),
  });
  const found = new Map<string, ArtifactInfo | null | undefined>();
  unique.forEach((r, i) => {
    const q = results[i];
    found.set(
      keyOf(r),
      q.data
        ? { name: q.data.name, arch: q.data.arch }
        : q.error instanceof ApiError && q.error.isNotFound
          ? null
          : undefined,
    );
  });
  return (ref) => found.get(keyOf(ref));
}
