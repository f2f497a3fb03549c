"use client";
// How an ended job ended: the image it built (a link, same architecture), or why it failed or stopped.
import Link from "next/link";
import { ArchBadge } from "@/components/ui/arch-badge";
import { buttonClass } from "@/components/ui/button";
import type { JobJson } from "@/lib/api-client/jobs";
import { useJobArtifacts } from "@/lib/queries/use-job-artifacts";

export function JobOutcome({ job }: { job: JobJson }) {
  const result = job.resultant_image_id ? ({ kind: "image", id: job.resultant_image_id } as const) : null;
  const lookup = useJobArtifacts(result ? [result] : []);
  if (job.status === "success") {
    const info = result ? lookup(result) : undefined;
    return (
      <div
        role="status"
        className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900"
      >
        <div className="min-w-0">
          <p className="font-medium">The job succeeded</p>
          {result ? (
            <p className="mt-0.5 flex flex-wrap items-center gap-2">
              New image
              <Link href={`/images/${result.id}`} className="min-w-0 font-medium text-sky-700 underline wrap-anywhere">
                {info?.name ?? job.image_root_archive_name ?? result.id}
              </Link>
              <ArchBadge arch={info?.arch ?? job.arch} />
            </p>
          ) : (
            <p className="mt-0.5">It did not record an image.</p>
          )}
        </div>
        {result ? (
          <Link href={`/images/${result.id}`} className={buttonClass("primary", "sm")}>
            Open the new image
          </Link>
        ) : null}
      </div>
    );
  }
  if (job.status === "cancelled") {
    return (
      <div role="status" className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-800">
        <p className="font-medium">The job was cancelled</p>
        {job.failure_reason ? <p className="mt-0.5">{job.failure_reason}</p> : null}
      </div>
    );
  }
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-medium">The job failed</p>
      <p className="mt-0.5 whitespace-pre-wrap break-words">
        {job.failure_reason ?? `It ended with status ${job.status}.`}
      </p>
    </div>
  );
}
