// GET /apis/ims/v3/public-keys – list (name filter, limit/offset; X-Total-Count); POST – add a key
import { created, json, route } from "@/lib/http/route";
import { publicKeyCreateSchema, publicKeyListQuery } from "@/lib/public-keys/schemas";
import { createPublicKey, listPublicKeys, serializePublicKey } from "@/lib/public-keys/service";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: publicKeyListQuery }, async ({ query }) => {
  const { rows, total } = await listPublicKeys(query);
  return json(rows.map(serializePublicKey), 200, { "X-Total-Count": String(total) });
});

export const POST = route({ access: "operator", body: publicKeyCreateSchema }, async ({ body }) =>
  created(serializePublicKey(await createPublicKey(body))),
);
