// The infra-envs list, shared by its app/ route file and the Node server, which answers it itself
// (lib/downloads/node-routes.ts), as it does every assisted list.
import "server-only";
import { pageResponse } from "@/lib/http/paged";
import { route } from "@/lib/http/route";
import { infraEnvListQuery } from "./schemas";
import { serializeInfraEnv } from "./serialize";
import { listInfraEnvs } from "./service";

/** GET /api/assisted-install/v2/infra-envs (cluster_id, name, cpu_architecture; limit/offset; X-Total-Count). */
export const listInfraEnvsRoute = route({ access: "viewer", query: infraEnvListQuery }, async ({ query }) => {
  const { rows, total } = await listInfraEnvs(query);
  return pageResponse(rows.map(serializeInfraEnv), total);
});
