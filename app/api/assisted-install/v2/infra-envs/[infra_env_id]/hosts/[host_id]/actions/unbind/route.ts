// POST /api/assisted-install/v2/infra-envs/{infra_env_id}/hosts/{host_id}/actions/unbind – returns a
// late-bound host to its infra-env's pool
import { hostIdParams } from "@/lib/hosts/schemas";
import { serializeHost } from "@/lib/hosts/serialize";
import { unbindHost } from "@/lib/hosts/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ access: "operator", audit: "host.unbind", params: hostIdParams }, async ({ req, params }) =>
  serializeHost(await unbindHost(params.infra_env_id, params.host_id, req.headers.get("x-request-id") ?? undefined)),
);
