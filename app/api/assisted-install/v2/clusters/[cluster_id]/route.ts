// GET/PATCH/DELETE /api/assisted-install/v2/clusters/{cluster_id} – one cluster
import { clusterUpdateSchema } from "@/lib/clusters/schemas";
import { serializeCluster } from "@/lib/clusters/serialize";
import { deleteCluster, getCluster, updateCluster } from "@/lib/clusters/service";
import { idParam } from "@/lib/http/params";
import { noContent, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const params = idParam("cluster_id");

export const GET = route({ access: "viewer", params }, async ({ params }) =>
  serializeCluster(await getCluster(params.cluster_id)),
);

export const PATCH = route({ access: "operator", params, body: clusterUpdateSchema }, async ({ req, params, body }) =>
  serializeCluster(await updateCluster(params.cluster_id, body, req.headers.get("x-request-id") ?? undefined)),
);

export const DELETE = route({ access: "operator", params }, async ({ req, params }) => {
  await deleteCluster(params.cluster_id, req.headers.get("x-request-id") ?? undefined);
  return noContent();
});
