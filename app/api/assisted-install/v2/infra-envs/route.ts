// GET /api/assisted-install/v2/infra-envs[?cluster_id=&name=&cpu_architecture=] – list infra-envs
// (limit/offset, every one without limit; X-Total-Count); POST – register one
import { pageResponse } from "@/lib/http/paged";
import { created, route } from "@/lib/http/route";
import { infraEnvCreateSchema, infraEnvListQuery } from "@/lib/infra-envs/schemas";
import { serializeInfraEnv } from "@/lib/infra-envs/serialize";
import { createInfraEnv, listInfraEnvs } from "@/lib/infra-envs/service";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: infraEnvListQuery }, async ({ query }) => {
  const { rows, total } = await listInfraEnvs(query);
  return pageResponse(rows.map(serializeInfraEnv), total);
});

export const POST = route({ access: "operator", body: infraEnvCreateSchema }, async ({ req, body }) =>
  created(serializeInfraEnv(await createInfraEnv(body, req.headers.get("x-request-id") ?? undefined))),
);
