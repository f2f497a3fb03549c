// /jobs – placeholder until build and customize jobs exist.
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Jobs" };

export default function Page() {
  return (
    <>
      <PageHeader title="Jobs" description="Create and customize jobs that build images, with their live logs." />
      <EmptyState title="Jobs are not available yet">
        <p>
          This page will list create and customize jobs with their status and live logs. A job takes its CPU architecture from its recipe or base image and
          runs natively on a matching host, or under QEMU user emulation (marked, and about ten times slower) on another.
        </p>
      </EmptyState>
    </>
  );
}
