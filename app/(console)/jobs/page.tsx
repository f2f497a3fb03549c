// /jobs – every create and customize job (filters and page from the query string).
import type { Metadata } from "next";
import { JobsPage } from "@/components/jobs/jobs-page";
import { ARCHES } from "@/lib/arch";
import { JOB_STATUSES, JOB_TYPES } from "@/lib/jobs/schemas";

export const metadata: Metadata = { title: "Jobs" };

type Search = Record<string, string | string[] | undefined>;

const oneOf = (value: string | string[] | undefined, allowed: readonly string[]) =>
  typeof value === "string" && allowed.includes(value) ? value : undefined;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const q = await searchParams;
  const offset = Number(q.offset);
  return (
    <JobsPage
      initialFilter={{
        status: oneOf(q.status, JOB_STATUSES),
        job_type: oneOf(q.job_type, JOB_TYPES),
        arch: oneOf(q.arch, ARCHES),
      }}
      initialOffset={Number.isInteger(offset) && offset > 0 ? offset : 0}
    />
  );
}
