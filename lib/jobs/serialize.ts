// A job as the IMS-style API shows it.

import { parseArch, toImsArch } from "@/lib/arch";
import type { Job } from "@/lib/db";
import { isNetworkMode } from "./network-mode";

export function serializeJob(j: Job) {
  return {
    id: j.id,
    job_type: j.jobType,
    artifact_id: j.artifactId,
    arch: toImsArch(parseArch(j.arch) ?? "x86_64"),
    emulated: j.emulated,
    status: j.status,
    /** The worker that ran (or runs) it, once one claimed it. */
    worker: j.workerId ? { id: j.workerId, name: j.workerName ?? "", hostname: j.workerHost ?? "" } : undefined,
    /** Why a queued job has not started ("Waiting: no live worker runs or emulates aarch64"). */
    waiting_reason: j.waitingReason ?? undefined,
    progress: j.progress ?? undefined,
    failure_reason: j.failureReason ?? undefined,
    resultant_image_id: j.resultantImageId ?? undefined,
    public_key_id: j.publicKeyId ?? undefined,
    image_root_archive_name: j.imageRootArchiveName ?? undefined,
    kernel_file_name: j.kernelFileName ?? undefined,
    initrd_file_name: j.initrdFileName ?? undefined,
    enable_debug: j.enableDebug,
    build_env_size: j.buildEnvSize ?? undefined,
    /** "none" or "allowed" once the job's sandbox was made; absent before and for jobs without one. */
    network_mode: isNetworkMode(j.networkMode) ? j.networkMode : undefined,
    customization_script: j.customizationScript ?? undefined,
    step_times: (j.stepTimes as Record<string, { started: string; finished?: string }> | null) ?? {},
    created: j.createdAt.toISOString(),
    started: j.startedAt?.toISOString(),
    finished: j.finishedAt?.toISOString(),
  };
}

export type JobJson = ReturnType<typeof serializeJob>;
