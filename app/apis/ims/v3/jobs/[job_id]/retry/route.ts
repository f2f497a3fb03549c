// POST /apis/ims/v3/jobs/{job_id}/retry – start a new job with an ended job's request
import { z } from "zod";
import { created, route } from "@/lib/http/route";
import { serializeJob } from "@/lib/jobs/serialize";
import { retryJob } from "@/lib/jobs/service";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "operator", audit: "job.retry", params: z.object({ job_id: z.uuid("No such job") }) },
  async ({ params }) => created(serializeJob(await retryJob(params.job_id))),
);
