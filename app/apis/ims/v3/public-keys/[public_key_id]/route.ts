// GET/DELETE /apis/ims/v3/public-keys/{public_key_id} – one public key
import { idParam } from "@/lib/http/params";
import { noContent, route } from "@/lib/http/route";
import { deletePublicKey, getPublicKey, serializePublicKey } from "@/lib/public-keys/service";

export const dynamic = "force-dynamic";
const params = idParam("public_key_id");

export const GET = route({ access: "viewer", params }, async ({ params }) =>
  serializePublicKey(await getPublicKey(params.public_key_id)),
);

export const DELETE = route({ access: "operator", params }, async ({ params }) => {
  await deletePublicKey(params.public_key_id);
  return noContent();
});
