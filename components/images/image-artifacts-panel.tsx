"use client";
// The artifacts an image's manifest lists (rootfs, kernel, initrd), each with its size, checksums
// and a download link.
import type { ReactNode } from "react";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { Table, TBody, THead, Th } from "@/components/ui/table";
import { isArtifactPath } from "@/lib/api-client/artifacts";
import type { ImageJson } from "@/lib/api-client/images";
import { useImageManifest } from "@/lib/queries/use-image-manifest";
import { ArtifactRow } from "./artifact-row";

function Note({ children }: { children: ReactNode }) {
  return <p className="p-4 text-sm text-slate-600">{children}</p>;
}

export function ImageArtifactsPanel({ image }: { image: ImageJson }) {
  const { data: manifest, error, isPending } = useImageManifest(image.link);
  const local = !!image.link && image.link.type === "archway" && isArtifactPath(image.link.path);

  let body: ReactNode;
  if (!image.link) body = <Note>No manifest is linked, so this image has no artifacts yet.</Note>;
  else if (!local)
    body = (
      <Note>The manifest is stored outside this console ({image.link.type}); its artifacts cannot be listed here.</Note>
    );
  else if (isPending) body = <LoadingState label="Loading the manifest…" />;
  else if (error)
    body = (
      <div className="p-4">
        <ErrorState error={error} title="Could not read the manifest" />
      </div>
    );
  else {
    body = (
      <Table bare caption="Artifacts">
        <THead>
          <Th>Type</Th>
          <Th>Size</Th>
          <Th>Checksums</Th>
          <Th>
            <span className="sr-only">Download</span>
          </Th>
        </THead>
        <TBody>
          {manifest.artifacts.map((a) => (
            <ArtifactRow key={a.link.path} artifact={a} imageName={image.name} />
          ))}
        </TBody>
      </Table>
    );
  }

  return (
    <Panel
      title="Artifacts"
      flush
      description={manifest ? `manifest.json version ${manifest.version}, created ${manifest.created}` : undefined}
    >
      {body}
    </Panel>
  );
}
