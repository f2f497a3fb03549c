// Recipe archive upload: the raw tar.gz is spooled to a temp file (capped), validated from there,
// and only then stored as an artifact and linked, so a rejected archive leaves nothing behind.
import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Arch, isArch, parseArch } from "@/lib/arch";
import { saveArtifact } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import { conflict, HttpError } from "@/lib/http/errors";
import { artifactLinkPath } from "@/lib/images/manifest";
import { releaseArtifacts } from "@/lib/ims/artifact-refs";
import { validateRecipeArchive } from "./archive/validate";
import { getRecipe } from "./service";

export const MAX_RECIPE_UPLOAD = 256 * 1024 * 1024;

function capped(max: number) {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _e, cb) {
      n += chunk.length;
      if (n > max)
        cb(new HttpError(413, `The archive is larger than ${max} bytes`, { archive: [`At most ${max} bytes`] }));
      else cb(null, chunk);
    },
  });
}

export async function uploadRecipeArchive(recipeId: string, body: Readable, signal?: AbortSignal) {
  const recipe = await getRecipe(recipeId);
  const dir = await mkdtemp(path.join(tmpdir(), "archway-recipe-"));
  const spool = path.join(dir, "archive.tar.gz");
  try {
    await pipeline(body, capped(MAX_RECIPE_UPLOAD), createWriteStream(spool), { signal });
    const arch = parseArch(recipe.arch);
    const checked = await validateRecipeArchive(createReadStream(spool), {
      recipe_type: recipe.recipeType as "kiwi-ng" | "packer" | "rootfs",
      arch: (arch && isArch(arch) ? arch : "x86_64") as Arch,
      template_dictionary: (recipe.templateDictionary as { key: string; value: string }[]) ?? [],
    });
    const artifact = await saveArtifact(createReadStream(spool), { contentType: "application/gzip" });
    const link = { linkPath: artifactLinkPath(artifact.id), linkEtag: artifact.md5, linkType: "archway" };
    if (recipe.linkPath && recipe.linkPath !== link.linkPath) {
      await releaseArtifacts([artifact.id]);
      throw conflict(
        `Recipe ${recipe.name} already has an archive (${recipe.linkPath}); create a new recipe for new content`,
        { archive: ["Already uploaded"] },
      );
    }
    const updated = await db().recipe.update({ where: { id: recipe.id }, data: link });
    return { recipe: updated, artifact, warnings: checked.warnings, files: checked.files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
