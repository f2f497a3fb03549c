// GET/HEAD /apis/ims/v3/recipes/{recipe_id}/archive – the recipe's uploaded tar.gz.
import "server-only";
import { artifactSource } from "@/lib/artifacts/artifacts";
import { notFound } from "@/lib/http/errors";
import { idParam } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { streamFile } from "@/lib/http/stream-file";
import { artifactIdOf } from "@/lib/images/manifest";
import { getRecipe } from "@/lib/recipes/service";

export const serveRecipeArchive = route({ access: "viewer", params: idParam("recipe_id") }, async ({ req, params }) => {
  const recipe = await getRecipe(params.recipe_id);
  const id = recipe.linkPath ? artifactIdOf(recipe.linkPath) : null;
  if (!id) throw notFound(`Recipe ${recipe.name} has no uploaded archive`);
  const { artifact, open } = await artifactSource(id);
  return streamFile(req, {
    open,
    size: Number(artifact.sizeBytes),
    etag: `"${artifact.sha256}"`,
    lastModified: artifact.createdAt,
    filename: `${recipe.name}.tar.gz`,
    contentType: "application/gzip",
    // A new upload replaces the archive under the same URL: revalidate (the ETag changes with it).
    cacheControl: "private, no-cache",
    headers: { "X-Checksum-Sha256": artifact.sha256 },
  });
});
