// GET /apis/ims/v3/images – list (name, arch filters; limit/offset; X-Total-Count); POST – create

import { created, json, route } from "@/lib/http/route";
import { imageCreateSchema } from "@/lib/images/schemas";
import { serializeImage } from "@/lib/images/serialize";
import { createImage, listImages } from "@/lib/images/service";
import { listQuery } from "@/lib/ims/common";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: listQuery }, async ({ query }) => {
  const { rows, total } = await listImages(query);
  return json(rows.map(serializeImage), 200, { "X-Total-Count": String(total) });
});

export const POST = route({ access: "operator", body: imageCreateSchema }, async ({ body }) =>
  created(serializeImage(await createImage(body))),
);
