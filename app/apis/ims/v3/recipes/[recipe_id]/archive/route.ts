// PUT /apis/ims/v3/recipes/{recipe_id}/archive – upload the recipe's tar.gz (raw body), validated
// before anything is stored; GET – download it
import { Readable } from "node:stream";
import { openArtifact } from "@/lib/artifacts/artifacts";
import { attachmentHeaders } from "@/lib/http/attachment";
import { HttpError, notFound } from "@/lib/http/errors";
import { idParam } from "@/lib/http/params";
import { rawBody } from "@/lib/http/raw-body";
import { json, route } from "@/lib/http/route";
import { artifactIdOf } from "@/lib/images/manifest";
import { serializeRecipe } from "@/lib/recipes/serialize";
import { getRecipe } from "@/lib/recipes/service";
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

export const GET = route({ access: "viewer", params }, async ({ params }) => {
  const recipe = await getRecipe(params.recipe_id);
  const id = recipe.linkPath ? artifactIdOf(recipe.linkPath) : null;
  if (!id) throw notFound(`Recipe ${recipe.name} has no uploaded archive`);
  const { artifact, stream } = await openArtifact(id);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      ...attachmentHeaders(`${recipe.name}.tar.gz`, "application/gzip"),
      "Content-Length": String(artifact.sizeBytes),
      "X-Archway-Content-Length": String(artifact.sizeBytes),
    },
  });
});
