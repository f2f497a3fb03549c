// Creating, listing, cancelling, retrying and deleting image jobs. The job's arch is copied from
// its recipe or base image and decides whether it runs natively or under emulation.
import "server-only";
import { Readable } from "node:stream";
import { hostArch, parseArch } from "@/lib/arch";
import { saveArtifact } from "@/lib/artifacts/artifacts";
import type { Job } from "@/lib/db";
import { db } from "@/lib/db";
import { conflict, fieldError, notFound } from "@/lib/http/errors";
import { TERMINAL } from "./context";
import { executor } from "./runner";
import type { JobCreate } from "./schemas";

export async function getJob(id: string): Promise<Job> {
  const job = await db().job.findUnique({ where: { id } });
  if (!job) throw notFound(`Job ${id} not found`);
  return job;
}

/** Log lines after `after` (optionally one step's), oldest first, at most `take`. */
export async function readJobLog(jobId: string, after: number, step?: string, take = 100_000) {
  return db().jobLogLine.findMany({
    where: { jobId, seq: { gt: after }, ...(step ? { step } : {}) },
    orderBy: { seq: "asc" },
    take,
  });
}

export async function listJobs(q: {
  status?: string;
  job_type?: string;
  arch?: string;
  limit: number;
  offset: number;
}) {
  const arch = q.arch ? parseArch(q.arch) : undefined;
  if (q.arch && !arch) throw fieldError("query.arch", `Unknown CPU architecture "${q.arch}"`);
  const where = {
    jobType: q.job_type ?? { in: ["create", "customize"] },
    ...(q.status ? { status: q.status } : {}),
    ...(arch ? { arch } : {}),
  };
  const [rows, total] = await Promise.all([
    db().job.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: q.offset, take: q.limit }),
    db().job.count({ where }),
  ]);
  return { rows, total };
}

async function archOf(input: JobCreate): Promise<string> {
  if (input.job_type === "create") {
    const recipe = await db().recipe.findUnique({ where: { id: input.artifact_id } });
    if (!recipe)
      throw fieldError("artifact_id", `No recipe with id ${input.artifact_id} (a create job builds from a recipe)`);
    if (!recipe.linkPath) throw fieldError("artifact_id", `Recipe ${recipe.name} has no uploaded archive yet`);
    return recipe.arch;
  }
  const image = await db().image.findUnique({ where: { id: input.artifact_id } });
  if (!image)
    throw fieldError("artifact_id", `No image with id ${input.artifact_id} (a customize job starts from an image)`);
  if (!image.linkPath) throw fieldError("artifact_id", `Image ${image.name} has no manifest`);
  return image.arch;
}

export async function createJob(input: JobCreate): Promise<Job> {
  const arch = await archOf(input);
  if (input.public_key_id && !(await db().publicKey.findUnique({ where: { id: input.public_key_id } })))
    throw fieldError("public_key_id", `No public key with id ${input.public_key_id}`);
  const job = await db().job.create({
    data: {
      jobType: input.job_type,
      artifactId: input.artifact_id,
      arch,
      emulated: parseArch(arch) !== hostArch(),
      status: "creating",
      publicKeyId: input.public_key_id ?? null,
      imageRootArchiveName: input.image_root_archive_name,
      kernelFileName: input.kernel_file_name ?? null,
      initrdFileName: input.initrd_file_name ?? null,
      enableDebug: input.enable_debug ?? false,
      buildEnvSize: input.build_env_size ?? null,
      customizationScript: input.customization_script ?? null,
      stepTimes: {},
    },
  });
  executor().submit(job.id);
  return job;
}

export async function cancelJob(id: string): Promise<Job> {
  const job = await getJob(id);
  if ((TERMINAL as string[]).includes(job.status)) throw conflict(`Job ${id} already ended (${job.status})`);
  await executor().cancel(id);
  return getJob(id);
}

export async function retryJob(id: string): Promise<Job> {
  const job = await getJob(id);
  if (!(TERMINAL as string[]).includes(job.status)) throw conflict(`Job ${id} is still ${job.status}; cancel it first`);
  return createJob({
    job_type: job.jobType as "create" | "customize",
    artifact_id: job.artifactId,
    public_key_id: job.publicKeyId ?? undefined,
    image_root_archive_name: job.imageRootArchiveName ?? "retry",
    kernel_file_name: job.kernelFileName ?? undefined,
    initrd_file_name: job.initrdFileName ?? undefined,
    enable_debug: job.enableDebug,
    build_env_size: job.buildEnvSize ?? undefined,
    customization_script: job.customizationScript ?? undefined,
  });
}

/** Deletes an ended job and its log lines; with keepLogs the log is first saved as a text artifact. */
export async function deleteJob(id: string, keepLogs = false): Promise<{ logArtifactId: string } | null> {
  const job = await getJob(id);
  if (!(TERMINAL as string[]).includes(job.status))
    throw conflict(`Job ${id} is still ${job.status}; cancel it before deleting`);
  let kept: { logArtifactId: string } | null = null;
  if (keepLogs) {
    const lines = await db().jobLogLine.findMany({ where: { jobId: id }, orderBy: { seq: "asc" } });
    const text = lines.map((l) => `${l.time.toISOString()} ${l.step} ${l.stream} ${l.line}\n`).join("");
    const artifact = await saveArtifact(
      Readable.from([Buffer.from(`# log of ${job.jobType} job ${id} (${job.arch}, ${job.status})\n${text}`)]),
      { contentType: "text/plain; charset=utf-8" },
    );
    kept = { logArtifactId: artifact.id };
  }
  await db().job.delete({ where: { id } });
  return kept;
}
