// GET /api/assisted-install/v2/infra-envs/{id}/downloads/image-url – a signed, expiring ISO link
import { z } from "zod";
import { agentServiceUrl, publicOrigin } from "@/lib/http/origin";
import { idParam } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { issueImageUrl } from "@/lib/infra-envs/downloads";
import { IMAGE_TYPES } from "@/lib/infra-envs/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    access: "operator",
    audit: "link.issue",
    params: idParam("infra_env_id"),
    query: z.object({ image_type: z.enum(IMAGE_TYPES).optional() }).strict(),
  },
  async ({ req, params, query }) =>
    issueImageUrl(params.infra_env_id, query.image_type, publicOrigin(req), agentServiceUrl(req)),
);
