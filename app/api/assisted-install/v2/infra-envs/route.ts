// GET /api/assisted-install/v2/infra-envs[?cluster_id=] – list infra-envs; POST – register one
import { z } from "zod";
import { created, route } from "@/lib/http/route";
import { infraEnvCreateSchema } from "@/lib/infra-envs/schemas";
import { serializeInfraEnv } from "@/lib/infra-envs/serialize";
import { createInfraEnv, listInfraEnvs } from "@/lib/infra-envs/service";

export const dynamic = "force-dynamic";

export const GET = route(
  { access: "viewer", query: z.object({ cluster_id: z.uuid("Expected a cluster id (UUID)").optional() }).strict() },
  async ({ query }) => (await listInfraEnvs({ clusterId: query.cluster_id })).map(serializeInfraEnv),
);

export const POST = route({ access: "operator", body: infraEnvCreateSchema }, async ({ req, body }) =>
  created(serializeInfraEnv(await createInfraEnv(body, req.headers.get("x-request-id") ?? undefined))),
);
