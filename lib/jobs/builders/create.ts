// create: build an image from a recipe, with the recipe's arch. `rootfs` recipes run their
// build.sh (templates rendered) over a base root of that arch; `kiwi-ng` needs Debian's kiwi.
import "server-only";
import { createReadStream, existsSync } from "node:fs";
import { chown, cp, lstat, mkdir, readFile, realpath, writeFile } from "node:fs/promises";
import path from "node:path";
import { saveArtifact } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import { ARTIFACT_TYPES, artifactIdOf } from "@/lib/images/manifest";
import { parseTemplateList } from "@/lib/recipes/archive/template-list";
import { archProfile, isSampleArch } from "@/lib/samples/arch-profiles";
import { unpackBusyboxRoot } from "@/lib/samples/busybox-root";
import type { BuildContext, Builder } from "../context";
import { runProcess, StepFailed } from "../process";
import { shiftOwnership } from "../sandbox/ids";
import { artifactToFile, registerImage, runInRoot, squash } from "./image-files";

function render(text: string, dict: { key: string; value: string }[]): string {
  return text.replace(/\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g, (m, k: string) => dict.find((d) => d.key === k)?.value ?? m);
}

async function renderTemplates(ctx: BuildContext, dir: string, dict: { key: string; value: string }[]) {
  const listFile = path.join(dir, ".ims_recipe_template.yaml");
  if (!existsSync(listFile)) return;
  const list = parseTemplateList(await readFile(listFile, "utf8"));
  if ("problem" in list) throw new StepFailed(`.ims_recipe_template.yaml: ${list.problem}`);
  for (const f of list.files) {
    const file = path.join(dir, f);
    // The host renders these files: a listed link could otherwise make it read or write outside.
    const real = await realpath(file).catch(() => "");
    if ((await lstat(file).catch(() => null))?.isSymbolicLink() || !real.startsWith(`${await realpath(dir)}/`))
      throw new StepFailed(`.ims_recipe_template.yaml lists ${f}, which is not a file of the recipe`);
    await writeFile(file, render(await readFile(file, "utf8"), dict));
    void ctx.log.line("building_image", `rendered template ${f}`);
  }
}

/** A base root of the recipe's arch: busybox + glibc from Debian's netboot initrd. */
async function baseRoot(ctx: BuildContext, root: string) {
  if (!isSampleArch(ctx.arch)) throw new StepFailed(`No base root for ${ctx.arch} yet (x86_64 and aarch64 have one)`);
  await mkdir(root, { recursive: true });
  await unpackBusyboxRoot(ctx.arch, root);
}

async function netbootParts(ctx: BuildContext) {
  if (!isSampleArch(ctx.arch)) return {};
  const p = archProfile(ctx.arch);
  const kernel = await saveArtifact(createReadStream(path.join(p.netbootDir, "linux")), {
    contentType: ARTIFACT_TYPES.kernel,
  });
  const initrd = await saveArtifact(createReadStream(path.join(p.netbootDir, "initrd.gz")), {
    contentType: ARTIFACT_TYPES.initrd,
  });
  return {
    kernel: { artifactId: kernel.id, md5: kernel.md5, sha256: kernel.sha256 },
    initrd: { artifactId: initrd.id, md5: initrd.md5, sha256: initrd.sha256 },
  };
}

export const create: Builder = async (ctx) => {
  const { job } = ctx;
  await ctx.step("fetching_recipe", `Fetching recipe ${job.artifactId}`);
  const recipe = await db().recipe.findUniqueOrThrow({ where: { id: job.artifactId } });
  const archiveId = recipe.linkPath ? artifactIdOf(recipe.linkPath) : null;
  if (!archiveId) throw new StepFailed(`Recipe ${recipe.name} has no uploaded archive`);
  const recipeDir = path.join(ctx.workDir, "recipe");
  await mkdir(recipeDir, { recursive: true });
  await chown(recipeDir, ctx.sandbox.uidBase, ctx.sandbox.uidBase); // the sandbox's root unpacks into it
  await artifactToFile(archiveId, path.join(ctx.workDir, "recipe.tar.gz"), ctx.signal);
  // An uploaded archive is unpacked in the sandbox: its links cannot point tar at host files.
  await runProcess(
    ctx.log,
    "fetching_recipe",
    "tar",
    ["-xzf", "/scratch/recipe.tar.gz", "-C", "/scratch/recipe", "--no-same-owner", "--no-same-permissions"],
    { cwd: "/scratch", signal: ctx.signal, sandbox: { ...ctx.sandbox, root: null, scratch: ctx.workDir } },
  );
  await renderTemplates(ctx, recipeDir, (recipe.templateDictionary as { key: string; value: string }[]) ?? []);

  if (recipe.recipeType === "kiwi-ng") {
    if (!existsSync("/usr/bin/kiwi-ng"))
      throw new StepFailed(
        "kiwi-ng is not installed on this console's host: apt-get install kiwi (or build with a rootfs recipe)",
      );
    throw new StepFailed(
      "kiwi-ng builds need package repositories, which this console cannot reach; use a rootfs recipe here",
    );
  }
  if (recipe.recipeType !== "rootfs")
    throw new StepFailed(`Recipe type ${recipe.recipeType} has no builder in the embedded runner`);

  await ctx.step("waiting_for_repos", "No package repositories to wait for (rootfs recipe)");
  await ctx.step("building_image", "Running build.sh over a base root");
  const root = path.join(ctx.workDir, "root");
  await baseRoot(ctx, root);
  await cp(recipeDir, path.join(root, "tmp/recipe"), { recursive: true });
  await shiftOwnership(root, ctx.sandbox.uidBase);
  await runInRoot(ctx, "building_image", root, "cd /tmp/recipe && exec /bin/sh ./build.sh\n", "archway-build.sh");

  await ctx.step("packaging_artifacts", "Packing the root");
  const out = path.join(ctx.workDir, "rootfs.squashfs");
  await squash(ctx, "packaging_artifacts", root, out);
  return registerImage(ctx, {
    name: job.imageRootArchiveName ?? `${recipe.name}-image`,
    arch: ctx.arch,
    rootfs: out,
    ...(await netbootParts(ctx)),
    labels: { "archway.io/built-from-recipe": recipe.id, "archway.io/job": job.id },
  });
};
