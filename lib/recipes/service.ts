// IMS recipes: records, arch corrections (seed 000's "update --arch"), guarded deletes.
import "server-only";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/errors";
import { artifactIdsOfLink, releaseArtifacts } from "@/lib/ims/artifact-refs";
import type { ListQuery } from "@/lib/ims/common";
import type { RecipeCreate, RecipePatch } from "./schemas";

export async function listRecipes(q: ListQuery) {
  const where = { ...(q.name ? { name: { contains: q.name } } : {}), ...(q.arch ? { arch: q.arch } : {}) };
  const [rows, total] = await Promise.all([
    db().recipe.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: q.offset, take: q.limit }),
    db().recipe.count({ where }),
  ]);
  return { rows, total };
}

export async function getRecipe(id: string) {
  const recipe = await db().recipe.findUnique({ where: { id } });
  if (!recipe) throw notFound(`Recipe ${id} not found`);
  return recipe;
}

export function createRecipe(input: RecipeCreate) {
  return db().recipe.create({
    data: {
      name: input.name,
      recipeType: input.recipe_type,
      linuxDistribution: input.linux_distribution,
      arch: input.arch ?? "x86_64",
      requireDkms: input.require_dkms ?? false,
      templateDictionary: input.template_dictionary ?? [],
    },
  });
}

export async function patchRecipe(id: string, patch: RecipePatch) {
  await getRecipe(id);
  return db().recipe.update({
    where: { id },
    data: { arch: patch.arch, requireDkms: patch.require_dkms, templateDictionary: patch.template_dictionary },
  });
}

/** Jobs that build from this recipe keep it alive. */
export async function recipeReferences(id: string) {
  return db().job.findMany({ where: { artifactId: id, jobType: "create" }, select: { id: true, status: true } });
}

export async function deleteRecipe(id: string) {
  const recipe = await getRecipe(id);
  const jobs = await recipeReferences(id);
  if (jobs.length)
    throw conflict(
      `Recipe ${recipe.name} is referenced by ${jobs.length} job(s): ${jobs.map((j) => j.id).join(", ")}`,
      { jobs: jobs.map((j) => `${j.id} (${j.status})`) },
    );
  await db().recipe.delete({ where: { id } });
  await releaseArtifacts(artifactIdsOfLink(recipe.linkPath));
}
