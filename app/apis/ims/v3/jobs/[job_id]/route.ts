// GET/DELETE /apis/ims/v3/jobs/{job_id} – one job (delete only once it has ended)
import { z } from "zod";
import { noContent, route } from "@/lib/http/route";
import { serializeJob } from "@/lib/jobs/serialize";
import { deleteJob, getJob } from "@/lib/jobs/service";

export const dynamic = "force-dynamic";
const params = z.object({ job_id: z.uuid("No such job") });

export const GET = route({ params }, async ({ params }) => serializeJob(await getJob(params.job_id)));

export const DELETE = route({ params }, async ({ params }) => {
  await deleteJob(params.job_id);
  return noContent();
});
