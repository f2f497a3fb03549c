// GET/DELETE /apis/ims/v3/jobs/{job_id} – one job (delete only once it has ended; the log goes
// with it unless ?keep_logs=true, which saves it as an artifact and answers its link)
import { z } from "zod";
import { json, noContent, route } from "@/lib/http/route";
import { artifactLinkPath } from "@/lib/images/manifest";
import { serializeJob } from "@/lib/jobs/serialize";
import { deleteJob, getJob } from "@/lib/jobs/service";

export const dynamic = "force-dynamic";
const params = z.object({ job_id: z.uuid("No such job") });

export const GET = route({ access: "viewer", params }, async ({ params }) => serializeJob(await getJob(params.job_id)));

export const DELETE = route(
  { access: "operator", params, query: z.object({ keep_logs: z.enum(["true", "false"]).optional() }).strict() },
  async ({ params, query }) => {
    const kept = await deleteJob(params.job_id, query.keep_logs === "true");
    return kept ? json({ log: { path: artifactLinkPath(kept.logArtifactId), type: "archway" } }) : noContent();
  },
);
