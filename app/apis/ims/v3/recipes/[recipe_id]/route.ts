// GET/PATCH/DELETE /apis/ims/v3/recipes/{recipe_id} – one recipe (PATCH: arch, require_dkms, template_dictionary)
import { idParam } from "@/lib/http/params";
import { noContent, route } from "@/lib/http/route";
import { recipePatchSchema } from "@/lib/recipes/schemas";
import { serializeRecipe } from "@/lib/recipes/serialize";
import { deleteRecipe, getRecipe, patchRecipe } from "@/lib/recipes/service";

export const dynamic = "force-dynamic";
const params = idParam("recipe_id");

export const GET = route({ access: "viewer", params }, async ({ params }) =>
  serializeRecipe(await getRecipe(params.recipe_id)),
);

export const PATCH = route({ access: "operator", params, body: recipePatchSchema }, async ({ params, body }) =>
  serializeRecipe(await patchRecipe(params.recipe_id, body)),
);

export const DELETE = route({ access: "operator", params }, async ({ params }) => {
  await deleteRecipe(params.recipe_id);
  return noContent();
});
