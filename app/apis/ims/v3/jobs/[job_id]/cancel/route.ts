// POST /apis/ims/v3/jobs/{job_id}/cancel – stop a queued or running job (kills its process group)
import { z } from "zod";
import { json, route } from "@/lib/http/route";
import { serializeJob } from "@/lib/jobs/serialize";
import { cancelJob } from "@/lib/jobs/service";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "operator", audit: "job.cancel", params: z.object({ job_id: z.uuid("No such job") }) },
  async ({ params }) => json(serializeJob(await cancelJob(params.job_id)), 202),
);
