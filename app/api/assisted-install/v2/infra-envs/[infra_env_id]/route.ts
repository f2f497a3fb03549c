// GET/PATCH/DELETE /api/assisted-install/v2/infra-envs/{infra_env_id} – one infra-env
import { idParam } from "@/lib/http/params";
import { noContent, route } from "@/lib/http/route";
import { infraEnvUpdateSchema } from "@/lib/infra-envs/schemas";
import { serializeInfraEnv } from "@/lib/infra-envs/serialize";
import { deleteInfraEnv, getInfraEnv, updateInfraEnv } from "@/lib/infra-envs/service";

export const dynamic = "force-dynamic";
const params = idParam("infra_env_id");

export const GET = route({ access: "viewer", params }, async ({ params }) =>
  serializeInfraEnv(await getInfraEnv(params.infra_env_id)),
);

export const PATCH = route({ access: "operator", params, body: infraEnvUpdateSchema }, async ({ req, params, body }) =>
  serializeInfraEnv(await updateInfraEnv(params.infra_env_id, body, req.headers.get("x-request-id") ?? undefined)),
);

export const DELETE = route({ access: "operator", params }, async ({ req, params }) => {
  await deleteInfraEnv(params.infra_env_id, req.headers.get("x-request-id") ?? undefined);
  return noContent();
});
