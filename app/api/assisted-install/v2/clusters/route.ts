// GET /api/assisted-install/v2/clusters – list clusters; POST – register a cluster
import { clusterCreateSchema } from "@/lib/clusters/schemas";
import { serializeCluster } from "@/lib/clusters/serialize";
import { createCluster, listClusters } from "@/lib/clusters/service";
import { created, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer" }, async () => (await listClusters()).map(serializeCluster));

export const POST = route({ access: "operator", body: clusterCreateSchema }, async ({ req, body }) =>
  created(serializeCluster(await createCluster(body, req.headers.get("x-request-id") ?? undefined))),
);
