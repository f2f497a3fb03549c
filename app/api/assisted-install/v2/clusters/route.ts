// GET /api/assisted-install/v2/clusters – list clusters (name, cpu_architecture filters; limit/offset,
// every cluster without limit; X-Total-Count); POST – register a cluster

import { clusterListJson } from "@/lib/clusters/list-json";
import { clusterCreateSchema, clusterListQuery } from "@/lib/clusters/schemas";
import { serializeCluster } from "@/lib/clusters/serialize";
import { createCluster } from "@/lib/clusters/service";
import { pageTextResponse } from "@/lib/http/paged";
import { created, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: clusterListQuery }, async ({ query }) => {
  const { json, total } = await clusterListJson(query);
  return pageTextResponse(json, total);
});

export const POST = route({ access: "operator", body: clusterCreateSchema }, async ({ req, body }) =>
  created(serializeCluster(await createCluster(body, req.headers.get("x-request-id") ?? undefined))),
);
