// /images – placeholder until the IMS images API and pages exist.
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Images" };

export default function Page() {
  return (
    <>
      <PageHeader title="Images" description="Boot images (root filesystem, kernel, initrd) built from recipes or customized from other images." />
      <EmptyState title="Images are not available yet">
        <p>
          This page will list images with their CPU architecture, labels and artifacts (with checksums). An image keeps the architecture of the recipe or base
          image it came from.
        </p>
      </EmptyState>
    </>
  );
}
