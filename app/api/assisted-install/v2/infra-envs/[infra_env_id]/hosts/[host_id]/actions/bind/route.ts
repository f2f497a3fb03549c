// POST /api/assisted-install/v2/infra-envs/{infra_env_id}/hosts/{host_id}/actions/bind – late binding
// of a host to a cluster {cluster_id}, under the cluster's architecture rules
import { bindHostSchema, hostIdParams } from "@/lib/hosts/schemas";
import { serializeHost } from "@/lib/hosts/serialize";
import { bindHost } from "@/lib/hosts/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "operator", audit: "host.bind", params: hostIdParams, body: bindHostSchema },
  async ({ req, params, body }) =>
    serializeHost(
      await bindHost(
        params.infra_env_id,
        params.host_id,
        body.cluster_id,
        req.headers.get("x-request-id") ?? undefined,
      ),
    ),
);
