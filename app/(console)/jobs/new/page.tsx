// /jobs/new?kind=create|customize&artifact_id=<recipe or image id> – start a job from a deep link.
import type { Metadata } from "next";
import { NewJobPage } from "@/components/jobs/new-job-page";

export const metadata: Metadata = { title: "Start a job" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = await searchParams;
  const kind = q.kind === "create" || q.kind === "customize" ? q.kind : null;
  const artifactId = typeof q.artifact_id === "string" && q.artifact_id ? q.artifact_id : null;
  return <NewJobPage kind={kind} artifactId={artifactId} />;
}
