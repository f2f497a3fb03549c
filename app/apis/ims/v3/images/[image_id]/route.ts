// GET/PATCH/DELETE /apis/ims/v3/images/{image_id} – one image (PATCH: arch, labels, link once)
import { idParam } from "@/lib/http/params";
import { noContent, route } from "@/lib/http/route";
import { imagePatchSchema } from "@/lib/images/schemas";
import { serializeImage } from "@/lib/images/serialize";
import { deleteImage, getImage, patchImage } from "@/lib/images/service";

export const dynamic = "force-dynamic";
const params = idParam("image_id");

export const GET = route({ access: "viewer", params }, async ({ params }) =>
  serializeImage(await getImage(params.image_id)),
);

export const PATCH = route({ access: "operator", params, body: imagePatchSchema }, async ({ params, body }) =>
  serializeImage(await patchImage(params.image_id, body)),
);

export const DELETE = route({ access: "operator", params }, async ({ params }) => {
  await deleteImage(params.image_id);
  return noContent();
});
