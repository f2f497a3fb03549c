"use client";
// Image jobs as a table: status, type, architecture (and whether emulated), what each started from,
// what it produced, how long it ran, when it was created.
import Link from "next/link";
import { ArchBadge } from "@/components/ui/arch-badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { JobJson } from "@/lib/api-client/jobs";
import { type ArtifactLookup, artifactRefOf } from "@/lib/queries/use-job-artifacts";
import { ArtifactLink } from "./artifact-link";
import { typeLabel } from "./format";
import { JobDuration } from "./job-duration";
import { EmulatedBadge, JobStatusBadge } from "./job-status-badge";

export function JobsTable({ jobs, artifacts }: { jobs: JobJson[]; artifacts: ArtifactLookup }) {
  return (
    <Table caption="Jobs">
      <THead>
        <Th>Job</Th>
        <Th>Status</Th>
        <Th>CPU architecture</Th>
        <Th>Started from</Th>
        <Th>Result</Th>
        <Th className="text-right">Duration</Th>
        <Th>Created</Th>
      </THead>
      <TBody>
        {jobs.map((job) => {
          const from = artifactRefOf(job);
          const result = job.resultant_image_id ? ({ kind: "image", id: job.resultant_image_id } as const) : null;
          return (
            <Tr key={job.id}>
              <Td>
                {/* Names run to 128 characters: they wrap, so the table fits a laptop screen. */}
                <Link
                  href={`/jobs/${job.id}`}
                  className="block max-w-64 font-medium text-sky-700 wrap-anywhere hover:underline"
                >
                  {job.image_root_archive_name ?? job.id.slice(0, 8)}
                </Link>
                <span className="whitespace-nowrap text-xs text-slate-500">
                  {typeLabel(job.job_type)} · <code className="font-mono">{job.id.slice(0, 8)}</code>
                </span>
              </Td>
              <Td>
                <JobStatusBadge status={job.status} />
                {job.status === "error" && job.failure_reason ? (
                  <p className="mt-0.5 max-w-48 truncate text-xs text-red-700" title={job.failure_reason}>
                    {job.failure_reason}
                  </p>
                ) : null}
              </Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  <ArchBadge arch={job.arch} />
                  {job.emulated ? <EmulatedBadge /> : null}
                </span>
              </Td>
              <Td className="max-w-64 wrap-anywhere">
                <ArtifactLink artifact={from} info={artifacts(from)} />
              </Td>
              <Td className="max-w-64 wrap-anywhere">
                {result ? (
                  <ArtifactLink artifact={result} info={artifacts(result)} />
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
              <Td className="text-right">
                <JobDuration job={job} />
              </Td>
              <Td className="text-slate-600">
                <DateTime value={job.created} />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
