// A job as the IMS-style API shows it.
import type { Job } from "@/lib/generated/sqlite/client";
import { parseArch, toImsArch } from "@/lib/arch";

export function serializeJob(j: Job) {
  return {
    id: j.id,
    job_type: j.jobType,
    artifact_id: j.artifactId,
    arch: toImsArch(parseArch(j.arch) ?? "x86_64"),
    emulated: j.emulated,
    status: j.status,
    progress: j.progress ?? undefined,
    failure_reason: j.failureReason ?? undefined,
    resultant_image_id: j.resultantImageId ?? undefined,
    created: j.createdAt.toISOString(),
    started: j.startedAt?.toISOString(),
    finished: j.finishedAt?.toISOString(),
  };
}

export type JobJson = ReturnType<typeof serializeJob>;
