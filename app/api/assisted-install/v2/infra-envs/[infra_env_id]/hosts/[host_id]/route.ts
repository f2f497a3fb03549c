// GET/PATCH/DELETE /api/assisted-install/v2/infra-envs/{infra_env_id}/hosts/{host_id} – one host
// (PATCH: host_name, host_role)
import { hostIdParams, hostUpdateSchema } from "@/lib/hosts/schemas";
import { serializeHost } from "@/lib/hosts/serialize";
import { deleteHost, getHost, updateHost } from "@/lib/hosts/service";
import { noContent, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const params = hostIdParams;
const requestId = (req: Request) => req.headers.get("x-request-id") ?? undefined;

export const GET = route({ access: "viewer", params }, async ({ params }) =>
  serializeHost(await getHost(params.infra_env_id, params.host_id)),
);

export const PATCH = route({ access: "operator", params, body: hostUpdateSchema }, async ({ req, params, body }) =>
  serializeHost(await updateHost(params.infra_env_id, params.host_id, body, requestId(req))),
);

export const DELETE = route({ access: "operator", params }, async ({ req, params }) => {
  await deleteHost(params.infra_env_id, params.host_id, requestId(req));
  return noContent();
});
