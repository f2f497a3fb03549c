"use client";
// One OS image row with its cached base ISO, and under it (when there is something to say) the
// failure, or the fetch job's progress and log.
import type { ReactNode } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { ArchBadge } from "@/components/ui/arch-badge";
import { Badge } from "@/components/ui/badge";
import { ByteSize } from "@/components/ui/byte-size";
import { FormAlert } from "@/components/ui/form-alert";
import { ShortDigest } from "@/components/ui/short-digest";
import { Td, Tr } from "@/components/ui/table";
import { jobFinished } from "@/lib/api-client/jobs";
import type { BaseImageJson, BaseImageStatus, OsImageJson } from "@/lib/api-client/os-images";
import { displayUrl, hideFileUrls } from "@/lib/catalog/display-url";
import { useJob } from "@/lib/queries/use-job";
import { archMismatch, BaseImageStatusBadge, DetectedArch } from "./base-image-status";
import { FetchJobPanel } from "./fetch-job-panel";

export const OS_IMAGE_COLUMNS = 8;
const none = <span className="text-slate-400">—</span>;

type Props = {
  row: OsImageJson;
  /** The job fetching this row's url, if one runs or was started from this page. */
  jobId?: string;
  /** This row shows the job's log (one row per url does). */
  showsJob: boolean;
  onFetch: () => void;
  onDismissJob?: () => void;
  starting: boolean;
  startError?: string | null;
};

export function rowName(r: OsImageJson) {
  return `${r.openshift_version} ${r.cpu_architecture}`;
}

export function OsImageRow({ row, jobId, showsJob, onFetch, onDismissJob, starting, startError }: Props) {
  const base = row.base_image;
  const { data: job } = useJob(jobId);
  // Until the job is read, a row already known to have failed does not flash "Fetching…".
  const running = !!jobId && (job ? !jobFinished(job) : base.status !== "failed");
  const mismatch = archMismatch(row.cpu_architecture, base);
  // The job is ahead of the image table, which is re-read only when the job ends. An ISO of another
  // architecture than the row's is a failure whatever the cache says (rows may share a url).
  const fetched: BaseImageStatus = job && jobId ? (job.status === "success" ? "ready" : "failed") : base.status;
  const status: BaseImageStatus = running ? "fetching" : mismatch ? "failed" : fetched;
  const problem = status !== "failed" ? null : (mismatch ?? base.error ?? job?.failure_reason ?? "The fetch failed");
  // A failed fetch leaves the facts of an earlier copy behind; they no longer describe a usable ISO.
  const facts: BaseImageJson =
    status === "failed" ? { status, detected_arch: mismatch ? base.detected_arch : undefined } : base;

  const panel = showsJob && jobId;
  // A failed job's panel already gives the reason; a mismatch is news even after a successful fetch.
  const showProblem = problem && !(panel && fetched === "failed" && !mismatch);
  let below: ReactNode = null;
  if (showProblem || startError || panel) {
    below = (
      <tr>
        <td colSpan={OS_IMAGE_COLUMNS} className="space-y-2 px-3 pb-3 pt-0">
          {showProblem ? <p className="text-xs text-red-700">{hideFileUrls(problem)}</p> : null}
          {startError ? <FormAlert title="Could not start the fetch">{startError}</FormAlert> : null}
          {panel ? (
            <FetchJobPanel
              key={jobId}
              jobId={jobId}
              what={rowName(row)}
              onDismiss={onDismissJob}
              onRetry={onFetch}
              retrying={starting}
            />
          ) : null}
        </td>
      </tr>
    );
  }

  return (
    <>
      <Tr>
        <Td className="tabular-nums font-medium">{row.openshift_version}</Td>
        <Td>
          <ArchBadge arch={row.cpu_architecture} />
        </Td>
        <Td>
          <BaseImageStatusBadge
            status={status}
            progress={running ? (job?.progress ?? 0) : undefined}
            fetchedAt={base.fetched_at}
          />
        </Td>
        <Td className="min-w-64 max-w-sm">
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="font-mono text-xs">{row.version}</span>
            <Badge tone={row.source === "config" ? "neutral" : "info"} title="Where this row comes from">
              {row.source}
            </Badge>
          </div>
          <div className="mt-0.5 break-all font-mono text-[11px] text-slate-500">{displayUrl(row.url)}</div>
          {row.rootfs_url ? (
            <div className="mt-0.5 break-all font-mono text-[11px] text-slate-500">
              rootfs: {displayUrl(row.rootfs_url)}
            </div>
          ) : null}
        </Td>
        <Td>
          <DetectedArch rowArch={row.cpu_architecture} base={facts} />
        </Td>
        <Td>{facts.size_bytes !== undefined ? <ByteSize bytes={facts.size_bytes} /> : none}</Td>
        <Td>
          {facts.sha256 ? (
            <ShortDigest value={facts.sha256} what={`sha256 of the ${rowName(row)} base ISO`} length={10} />
          ) : (
            none
          )}
        </Td>
        <Td className="text-right">
          <RoleButton action="os-image.fetch" size="sm" onClick={onFetch} disabled={starting || running}>
            {base.status === "missing" && !jobId ? "Fetch" : "Re-fetch"}
          </RoleButton>
        </Td>
      </Tr>
      {below}
    </>
  );
}
