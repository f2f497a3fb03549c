// Infra-env routes shared by their app/ route files and the Node server, which answers them itself
// (lib/downloads/node-routes.ts): the list, as every assisted list, and the two calls a script makes
// to get an ISO link (create, then image-url), where Next's routing was a tenth of the time.
import "server-only";
import { z } from "zod";
import { agentServiceUrl, publicOrigin } from "@/lib/http/origin";
import { pageResponse } from "@/lib/http/paged";
import { idParam } from "@/lib/http/params";
import { created, route } from "@/lib/http/route";
import { issueImageUrl } from "./downloads";
import { IMAGE_TYPES, infraEnvCreateSchema, infraEnvListQuery } from "./schemas";
import { serializeInfraEnv } from "./serialize";
import { createInfraEnv, listInfraEnvs } from "./service";

/** GET /api/assisted-install/v2/infra-envs (cluster_id, name, cpu_architecture; limit/offset; X-Total-Count). */
export const listInfraEnvsRoute = route({ access: "viewer", query: infraEnvListQuery }, async ({ query }) => {
  const { rows, total } = await listInfraEnvs(query);
  return pageResponse(rows.map(serializeInfraEnv), total);
});

/** POST /api/assisted-install/v2/infra-envs: register one. */
export const createInfraEnvRoute = route({ access: "operator", body: infraEnvCreateSchema }, async ({ req, body }) =>
  created(serializeInfraEnv(await createInfraEnv(body, req.headers.get("x-request-id") ?? undefined))),
);

/** GET /api/assisted-install/v2/infra-envs/{id}/downloads/image-url: a signed, expiring ISO link. */
export const imageUrlRoute = route(
  {
    access: "operator",
    audit: "link.issue",
    params: idParam("infra_env_id"),
    query: z.object({ image_type: z.enum(IMAGE_TYPES).optional() }).strict(),
  },
  async ({ req, params, query }) =>
    issueImageUrl(params.infra_env_id, query.image_type, publicOrigin(req), agentServiceUrl(req)),
);
