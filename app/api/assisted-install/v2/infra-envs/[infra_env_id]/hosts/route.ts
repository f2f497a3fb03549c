// GET /api/assisted-install/v2/infra-envs/{infra_env_id}/hosts – the infra-env's hosts (limit/offset,
// every host without limit; X-Total-Count); POST – the discovery agent registers its host
// (X-Secret-Key: the infra-env's agent token)
import { z } from "zod";
import { registerHost } from "@/lib/hosts/agent";
import { authenticateAgent } from "@/lib/hosts/agent-auth";
import { hostCreateSchema } from "@/lib/hosts/schemas";
import { serializeHost } from "@/lib/hosts/serialize";
import { listInfraEnvHosts } from "@/lib/hosts/service";
import { pageResponse } from "@/lib/http/paged";
import { idParam, optionalPagination } from "@/lib/http/params";
import { created, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const params = idParam("infra_env_id");

export const GET = route(
  { access: "viewer", params, query: z.object(optionalPagination).strict() },
  async ({ params, query }) => {
    const { rows, total } = await listInfraEnvHosts(params.infra_env_id, query);
    return pageResponse(rows.map(serializeHost), total);
  },
);

export const POST = route(
  { access: "public", params, body: hostCreateSchema, auth: (req, p) => authenticateAgent(req, p.infra_env_id) },
  async ({ req, body, auth }) =>
    created(serializeHost(await registerHost(auth, body, new Date(), req.headers.get("x-request-id") ?? undefined))),
);
