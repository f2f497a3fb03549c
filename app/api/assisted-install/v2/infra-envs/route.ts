// GET /api/assisted-install/v2/infra-envs[?cluster_id=&name=&cpu_architecture=] – list infra-envs
// (limit/offset, every one without limit; X-Total-Count); POST – register one. The list's handler
// is in lib/infra-envs/routes.ts (the Node server answers it itself).
import { created, route } from "@/lib/http/route";
import { listInfraEnvsRoute } from "@/lib/infra-envs/routes";
import { infraEnvCreateSchema } from "@/lib/infra-envs/schemas";
import { serializeInfraEnv } from "@/lib/infra-envs/serialize";
import { createInfraEnv } from "@/lib/infra-envs/service";

export const dynamic = "force-dynamic";

export const GET = listInfraEnvsRoute;

export const POST = route({ access: "operator", body: infraEnvCreateSchema }, async ({ req, body }) =>
  created(serializeInfraEnv(await createInfraEnv(body, req.headers.get("x-request-id") ?? undefined))),
);
