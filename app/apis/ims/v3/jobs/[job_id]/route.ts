// GET /apis/ims/v3/jobs/{job_id} – one job's status and progress
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ job_id: z.uuid("No such job") }) }, async ({ params }) => {
  const job = await db().job.findUnique({ where: { id: params.job_id } });
  if (!job) throw notFound(`Job ${params.job_id} not found`);
  return serializeJob(job);
});
