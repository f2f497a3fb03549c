"use client";
// One image: its facts, labels, the artifacts its manifest lists, and its actions (change
// architecture, delete).
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { StartJobButton } from "@/components/jobs/start-job-dialog";
import { ArchBadge } from "@/components/ui/arch-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { ApiError } from "@/lib/api-client/api-error";
import { useImage } from "@/lib/queries/use-image";
import { ChangeImageArchDialog } from "./change-image-arch-dialog";
import { DeleteImageButton } from "./delete-image-button";
import { ImageArtifactsPanel } from "./image-artifacts-panel";
import { ImageFacts } from "./image-facts";
import { ImageLabelsPanel } from "./image-labels-panel";

const back = { href: "/images", label: "Images" };

export function ImageDetailPage({ id }: { id: string }) {
  const { data: image, error, isPending } = useImage(id);
  useDocumentTitle(image && `image ${image.name}`);
  const [changingArch, setChangingArch] = useState(false);

  if (isPending) return <LoadingState label="Loading image…" />;
  if (error instanceof ApiError && error.isNotFound) {
    return (
      <>
        <PageHeader title="Image not found" back={back} />
        <EmptyState title="Image not found" action={<ButtonLink href="/images">Back to images</ButtonLink>}>
          <p>No image has the id {id}. It may have been deleted.</p>
        </EmptyState>
      </>
    );
  }
  if (error) return <ErrorState error={error} title="Could not load the image" />;

  return (
    <>
      <PageHeader
        back={back}
        title={image.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <ArchBadge arch={image.arch} />
            <span>{image.link ? "Imported with a manifest" : "No manifest yet"}</span>
          </span>
        }
        actions={
          <>
            {image.link ? (
              <StartJobButton
                kind="customize"
                artifact={{ id: image.id, name: image.name, arch: image.arch }}
                label="Customize"
              />
            ) : null}
            <RoleButton action="image.update" onClick={() => setChangingArch(true)}>
              Change architecture
            </RoleButton>
            <DeleteImageButton image={image} />
          </>
        }
      />
      <div className="space-y-5">
        <div className="grid grid-cols-1 gap-5 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <ImageFacts image={image} />
          </div>
          <ImageLabelsPanel image={image} />
        </div>
        <ImageArtifactsPanel image={image} />
      </div>
      <ChangeImageArchDialog image={image} open={changingArch} onClose={() => setChangingArch(false)} />
    </>
  );
}
