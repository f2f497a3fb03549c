// The clusters list, shared by its app/ route file (for `next dev` and route tests) and the Node
// server, which answers it itself (lib/downloads/node-routes.ts): assisted clients list every
// cluster without a limit, and Next piped and gzipped those megabytes on the event loop.
import "server-only";
import { pageTextResponse } from "@/lib/http/paged";
import { route } from "@/lib/http/route";
import { clusterListJson } from "./list-json";
import { clusterListQuery } from "./schemas";

/** GET /api/assisted-install/v2/clusters (name, cpu_architecture filters; limit/offset; X-Total-Count). */
export const listClustersRoute = route({ access: "viewer", query: clusterListQuery }, async ({ query }) => {
  const { json, total, tag } = await clusterListJson(query);
  return pageTextResponse(json, total, tag);
});
