// PUT /apis/ims/v3/recipes/{recipe_id}/archive – upload the recipe's tar.gz (raw body), validated
// before anything is stored; GET – download it
import { serveRecipeArchive } from "@/lib/downloads/recipe-archive";
import { HttpError } from "@/lib/http/errors";
import { idParam } from "@/lib/http/params";
import { rawBody } from "@/lib/http/raw-body";
import { json, route } from "@/lib/http/route";
import { serializeRecipe } from "@/lib/recipes/serialize";
import { uploadRecipeArchive } from "@/lib/recipes/upload";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
const params = idParam("recipe_id");

export const PUT = route({ access: "operator", params }, async ({ req, params }) => {
  const type = req.headers.get("content-type")?.split(";")[0].trim();
  if (
    type &&
    !["application/gzip", "application/x-gzip", "application/octet-stream", "application/x-tar+gzip"].includes(type)
  ) {
    throw new HttpError(415, `Send the archive as application/gzip (got ${type})`);
  }
  const { recipe, warnings, files } = await uploadRecipeArchive(params.recipe_id, rawBody(req), req.signal);
  return json({ ...serializeRecipe(recipe), archive: { files, warnings } });
});

// Under `npm start` the Node server answers GET/HEAD itself (lib/http/node-downloads.ts).
export const GET = serveRecipeArchive;
export const HEAD = serveRecipeArchive;
