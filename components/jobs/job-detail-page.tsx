"use client";
import { ArchBadge } from "@/components/ui/arch-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { useDocumentTitle } from "@/components/ui/use-document-title";
// One job: type, status, the architecture it inherited and whether it is emulated, its steps, the live
// log, and how it ended; cancel while it runs, retry or delete once it has ended.
import { ApiError } from "@/lib/api-client/api-error";
import { jobFinished } from "@/lib/api-client/jobs";
import { useJob } from "@/lib/queries/use-job";
import { artifactRefOf, useJobArtifacts } from "@/lib/queries/use-job-artifacts";
import { ExecutionNotice } from "./execution-notice";
import { typeLabel } from "./format";
import { JobActions } from "./job-actions";
import { JobFacts } from "./job-facts";
import { JobLogPanel } from "./job-log-panel";
import { JobOutcome } from "./job-outcome";
import { EmulatedBadge, JobStatusBadge } from "./job-status-badge";
import { JobStepTimeline } from "./job-step-timeline";

const back = { href: "/jobs", label: "Jobs" };

export function JobDetailPage({ id }: { id: string }) {
  const { data: job, error, isPending } = useJob(id);
  useDocumentTitle(job && `job ${job.id.slice(0, 8)}`);
  const refs = job
    ? [artifactRefOf(job), ...(job.resultant_image_id ? [{ kind: "image" as const, id: job.resultant_image_id }] : [])]
    : [];
  const artifacts = useJobArtifacts(refs);

  if (isPending) return <LoadingState label="Loading job…" />;
  if (error instanceof ApiError && (error.isNotFound || error.status === 400)) {
    return (
      <>
        <PageHeader title="Job not found" back={back} />
        <EmptyState title="Job not found" action={<ButtonLink href="/jobs">Back to jobs</ButtonLink>}>
          <p>No job has the id {id}. It may have been deleted.</p>
        </EmptyState>
      </>
    );
  }
  if (error) return <ErrorState error={error} title="Could not load the job" />;

  return (
    <>
      <PageHeader
        back={back}
        title={`${typeLabel(job.job_type)} job ${job.id.slice(0, 8)}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <span role="status" aria-label="Job status">
              <JobStatusBadge status={job.status} />
            </span>
            <ArchBadge arch={job.arch} />
            {job.emulated ? <EmulatedBadge /> : null}
            <span className="min-w-0 wrap-anywhere">
              {job.job_type === "create" ? "Builds an image from a recipe" : "Runs a script inside a copy of an image"}
              {job.image_root_archive_name ? (
                <>
                  {" "}
                  → <code className="font-mono text-xs">{job.image_root_archive_name}</code>
                </>
              ) : null}
            </span>
          </span>
        }
        actions={<JobActions job={job} />}
      />
      <div className="space-y-5">
        {jobFinished(job) ? <JobOutcome job={job} /> : null}
        <ExecutionNotice arch={job.arch} emulated={job.emulated} network={job.network_mode} started={!!job.started} />
        <Panel title="Steps">
          <JobStepTimeline job={job} />
        </Panel>
        <JobLogPanel jobId={job.id} />
        <Panel title="Details">
          <JobFacts job={job} artifacts={artifacts} />
        </Panel>
      </div>
    </>
  );
}
