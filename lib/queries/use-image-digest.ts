"use client";
// The server hashes a new discovery ISO in the background, so a fresh link may come without its
// sha256. This asks again every 1.5 s (each answer is a new link, used only for its digest) and, once
// the digest is there for the same image, writes it into the shown link and refreshes the infra-env.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getImageUrl, type ImageUrlJson } from "@/lib/api-client/infra-envs";
import { infraEnvKeys } from "./keys";

type Digest = { sha256: string } | { changed: true } | null;

const sameImage = (a: ImageUrlJson, b: ImageUrlJson) =>
  a.size_bytes === b.size_bytes && a.os_image_version === b.os_image_version && a.image_type === b.image_type;

export function useImageDigest(infraEnvId: string, link: ImageUrlJson | undefined) {
  const queryClient = useQueryClient();
  return useQuery<Digest>({
    queryKey: infraEnvKeys.imageDigest(infraEnvId, link?.url ?? ""),
    queryFn: async ({ signal }) => {
      const again = await getImageUrl(infraEnvId, { imageType: link!.image_type, signal });
      if (!sameImage(again, link!)) return { changed: true };
      if (!again.sha256) return null;
      const sha256 = again.sha256;
      queryClient.setQueryData<ImageUrlJson>(infraEnvKeys.imageUrl(infraEnvId), (shown) =>
        shown?.url === link!.url ? { ...shown, sha256 } : shown,
      );
      void queryClient.invalidateQueries({ queryKey: infraEnvKeys.detail(infraEnvId) });
      return { sha256 };
    },
    enabled: !!link && !link.sha256,
    refetchInterval: (query) => (query.state.data ? false : 1500),
    staleTime: Infinity,
  });
}
