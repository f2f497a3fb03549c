// customize: unpack the base image's squashfs, run the customization script inside it (chroot;
// emulated when the image is foreign), repack, and register a new image of the same arch.
import "server-only";
import path from "node:path";
import type { Builder } from "../context";
import { StepFailed } from "../process";
import { artifactToFile, imageParts, registerImage, runInRoot, squash, unsquash } from "./image-files";

export const customize: Builder = async (ctx) => {
  const { job } = ctx;
  await ctx.step("fetching_image", `Fetching image ${job.artifactId}`);
  const base = await imageParts(job.artifactId);
  if (!base.parts.rootfs) throw new StepFailed(`Image ${base.name} has no rootfs squashfs in its manifest`);
  const baseSquash = path.join(ctx.workDir, "base.squashfs");
  await artifactToFile(base.parts.rootfs.artifactId, baseSquash, ctx.signal);

  await ctx.step("building_image", "Unpacking the root and running the customization script");
  const root = path.join(ctx.workDir, "root");
  await unsquash(ctx, "building_image", baseSquash, root);
  await runInRoot(ctx, "building_image", root, job.customizationScript ?? "true\n", "archway-customize.sh");

  await ctx.step("packaging_artifacts", "Packing the new root");
  const out = path.join(ctx.workDir, "rootfs.squashfs");
  await squash(ctx, "packaging_artifacts", root, out);
  return registerImage(ctx, {
    name: job.imageRootArchiveName ?? `${base.name}-customized`,
    arch: ctx.arch,
    rootfs: out,
    kernel: base.parts.kernel,
    initrd: base.parts.initrd,
    labels: { "archway.io/built-from-image": job.artifactId, "archway.io/job": job.id },
  });
};
