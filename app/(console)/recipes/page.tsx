// /recipes – placeholder until the IMS recipes API and pages exist.
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Recipes" };

export default function Page() {
  return (
    <>
      <PageHeader title="Recipes" description="Image recipes (kiwi-ng, packer, rootfs scripts) that build jobs turn into images." />
      <EmptyState title="Recipes are not available yet">
        <p>
          This page will list uploaded recipes with their type, Linux distribution and CPU architecture. A recipe&apos;s architecture decides the architecture of
          every image built from it, and whether its build job runs natively or under emulation.
        </p>
      </EmptyState>
    </>
  );
}
