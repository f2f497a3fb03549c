"use client";
// The manifest.json behind an image's link, when the link is an artifact of this console (an s3://
// link is not fetched). Stored artifacts never change, so it is read once.
import { useQuery } from "@tanstack/react-query";
import { getManifest, isArtifactPath } from "@/lib/api-client/artifacts";
import { artifactKeys } from "./ims-keys";

export function useImageManifest(link: { path: string; type: string } | null) {
  const path = link && link.type === "archway" && isArtifactPath(link.path) ? link.path : null;
  return useQuery({
    queryKey: artifactKeys.manifest(path ?? ""),
    queryFn: () => getManifest(path!),
    enabled: path !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
