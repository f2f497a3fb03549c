"use client";
import { isArtifactPath } from "@/lib/api-client/artifacts";
// How many artifacts an image's manifest lists (read from the manifest itself), or why there is no
// number: no manifest yet, or one stored outside this console.
import type { ImageJson } from "@/lib/api-client/images";
import { useImageManifest } from "@/lib/queries/use-image-manifest";

export function ArtifactCount({ image }: { image: ImageJson }) {
  const { data, error, isPending } = useImageManifest(image.link);
  if (!image.link) return <span className="text-slate-500">no manifest</span>;
  if (image.link.type !== "archway" || !isArtifactPath(image.link.path))
    return (
      <span className="text-slate-500" title={image.link.path}>
        external ({image.link.type})
      </span>
    );
  if (isPending) return <span className="text-slate-400">…</span>;
  if (error)
    return (
      <span className="text-red-700" title={error.message}>
        unreadable
      </span>
    );
  const n = data.artifacts.length;
  return (
    <span className="tabular-nums">
      {n} artifact{n === 1 ? "" : "s"}
    </span>
  );
}
