"use client";
// The OS images admin page: what each version offers per architecture, and the rows behind it.
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { useOpenshiftVersions } from "@/lib/queries/use-openshift-versions";
import { useOsImages } from "@/lib/queries/use-os-images";
import { AvailabilityMatrix } from "./availability-matrix";
import { OsImagesTable } from "./os-images-table";
import { ReleaseImagesTable } from "./release-images-table";

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div>
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

export function OsImagesPage() {
  const versions = useOpenshiftVersions();
  const table = useOsImages();
  return (
    <>
      <PageHeader
        title="OS images"
        description="The image table: which live OS image and release image each OpenShift version and CPU architecture uses."
      />
      <div className="space-y-8">
        <Section
          id="availability"
          title="Availability"
          description="An architecture is offered for a version when the support table allows it and both an OS image and a release image exist."
        >
          {versions.isPending ? (
            <LoadingState />
          ) : versions.error ? (
            <ErrorState error={versions.error} title="Could not load versions" />
          ) : (
            <AvailabilityMatrix versions={versions.data} osImages={table.data?.os_images} />
          )}
        </Section>
        {table.isPending ? (
          <LoadingState label="Loading the image table…" />
        ) : table.error ? (
          <ErrorState error={table.error} title="Could not load the image table" />
        ) : (
          <>
            <Section
              id="os-images"
              title="OS images"
              description="Live ISOs that discovery ISOs are built from, per OpenShift version and architecture."
            >
              {table.data.os_images.length ? (
                <OsImagesTable rows={table.data.os_images} />
              ) : (
                <EmptyState title="No OS images">Set OS_IMAGES (or the catalog file) and restart.</EmptyState>
              )}
            </Section>
            <Section
              id="release-images"
              title="Release images"
              description="OpenShift payloads clusters install, per version and architecture (multi: several)."
            >
              {table.data.release_images.length ? (
                <ReleaseImagesTable rows={table.data.release_images} />
              ) : (
                <EmptyState title="No release images">Set RELEASE_IMAGES (or the catalog file) and restart.</EmptyState>
              )}
            </Section>
          </>
        )}
      </div>
    </>
  );
}
