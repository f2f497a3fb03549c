// GET /api/assisted-install/v2/clusters – list clusters (name, cpu_architecture filters; limit/offset,
// every cluster without limit; X-Total-Count); POST – register a cluster. The list's handler is in
// lib/clusters/routes.ts (the Node server answers it itself).

import { listClustersRoute } from "@/lib/clusters/routes";
import { clusterCreateSchema } from "@/lib/clusters/schemas";
import { serializeCluster } from "@/lib/clusters/serialize";
import { createCluster } from "@/lib/clusters/service";
import { created, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = listClustersRoute;

export const POST = route({ access: "operator", body: clusterCreateSchema }, async ({ req, body }) =>
  created(serializeCluster(await createCluster(body, req.headers.get("x-request-id") ?? undefined))),
);
