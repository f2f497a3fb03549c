// /jobs/{id} – one job: its steps, live log and outcome.
import type { Metadata } from "next";
import { JobDetailPage } from "@/components/jobs/job-detail-page";

export const metadata: Metadata = { title: "Job" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Keyed so moving to another job (Retry) starts from a fresh log stream.
  return <JobDetailPage key={id} id={id} />;
}
