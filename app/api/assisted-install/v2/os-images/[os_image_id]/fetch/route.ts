// POST /api/assisted-install/v2/os-images/{id}/fetch – (re)fetch and verify a row's base ISO (a job)
import { z } from "zod";
import { baseImageFor, startFetch } from "@/lib/base-images/service";
import { getOsImage } from "@/lib/catalog/queries";
import { wholeNumber } from "@/lib/http/params";
import { json, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", audit: "os-image.fetch", params: z.object({ os_image_id: wholeNumber({ min: 1 }) }) },
  async ({ params }) => {
    const row = await getOsImage(params.os_image_id);
    const { jobId } = await startFetch((await baseImageFor(row.url, row.cpuArchitecture)).id);
    return json({ job_id: jobId, href: `/apis/ims/v3/jobs/${jobId}` }, 202);
  },
);
