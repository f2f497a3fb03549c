"use client";
// An artifact's size and stored checksums (HEAD of its link path).
import { useQuery } from "@tanstack/react-query";
import { headArtifact, isArtifactPath } from "@/lib/api-client/artifacts";
import { artifactKeys } from "./ims-keys";

export function useArtifactHead(path: string) {
  return useQuery({
    queryKey: artifactKeys.head(path),
    queryFn: () => headArtifact(path),
    enabled: isArtifactPath(path),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
