// GET /apis/ims/v3/jobs – list image jobs (status, job_type, arch filters; limit/offset;
// X-Total-Count); POST – start a create or customize job (its arch comes from the artifact)
import { created, json, route } from "@/lib/http/route";
import { jobCreateSchema, jobListQuery } from "@/lib/jobs/schemas";
import { serializeJob } from "@/lib/jobs/serialize";
import { createJob, listJobs } from "@/lib/jobs/service";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: jobListQuery }, async ({ query }) => {
  const { rows, total } = await listJobs(query);
  return json(rows.map(serializeJob), 200, { "X-Total-Count": String(total) });
});

export const POST = route({ access: "operator", body: jobCreateSchema }, async ({ body }) =>
  created(serializeJob(await createJob(body))),
);
