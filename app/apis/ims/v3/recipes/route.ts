// GET /apis/ims/v3/recipes – list (name, arch filters; limit/offset; X-Total-Count); POST – create

import { created, json, route } from "@/lib/http/route";
import { listQuery } from "@/lib/ims/common";
import { recipeCreateSchema } from "@/lib/recipes/schemas";
import { serializeRecipe } from "@/lib/recipes/serialize";
import { createRecipe, listRecipes } from "@/lib/recipes/service";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: listQuery }, async ({ query }) => {
  const { rows, total } = await listRecipes(query);
  return json(rows.map(serializeRecipe), 200, { "X-Total-Count": String(total) });
});

export const POST = route({ access: "operator", body: recipeCreateSchema }, async ({ body }) =>
  created(serializeRecipe(await createRecipe(body))),
);
