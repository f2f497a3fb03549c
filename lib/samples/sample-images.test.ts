// The sample images and recipes are real: a squashfs whose busybox is of the image's architecture,
// Debian's kernel of that architecture, a manifest whose checksums match; built once.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openArtifact } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import { artifactIdOf, manifestSchema } from "@/lib/images/manifest";
import { kernelArch } from "@/lib/iso/kernel-arch";
import { ensureSamples, sampleImageName, sampleRecipeName } from "./sample-images";

async function bytesOf(id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of (await openArtifact(id)).stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

beforeAll(async () => {
  await ensureSamples(() => {});
}, 120_000);

describe.each(["x86_64", "aarch64"] as const)("the %s sample", (arch) => {
  it("is an image whose rootfs, kernel and initrd are of that architecture", async () => {
    const image = await db().image.findFirstOrThrow({ where: { name: sampleImageName(arch) } });
    expect(image.arch).toBe(arch);
    const manifest = manifestSchema.parse(JSON.parse((await bytesOf(artifactIdOf(image.linkPath!)!)).toString()));
    const byType = Object.fromEntries(manifest.artifacts.map((a) => [a.type.split(".").pop(), a]));
    expect(Object.keys(byType).sort()).toEqual(["initrd", "kernel", "squashfs"]);

    const dir = mkdtempSync(path.join(tmpdir(), "sample-"));
    const squash = path.join(dir, "rootfs.squashfs");
    writeFileSync(squash, await bytesOf(artifactIdOf(byType.squashfs.link.path)!));
    const listing = execFileSync("unsquashfs", ["-l", squash], { encoding: "utf8" });
    expect(listing).toContain("squashfs-root/bin/busybox");
    expect(listing).toContain("squashfs-root/etc/os-release");
    const busybox = execFileSync("unsquashfs", ["-cat", squash, "bin/busybox"], { maxBuffer: 64 << 20 });
    expect(kernelArch(busybox.subarray(0, 4096)).arch).toBe(arch);
    expect(kernelArch((await bytesOf(artifactIdOf(byType.kernel.link.path)!)).subarray(0, 4096)).arch).toBe(arch);
  });

  it("has a rootfs recipe of that architecture with an uploaded archive", async () => {
    const recipe = await db().recipe.findFirstOrThrow({ where: { name: sampleRecipeName(arch) } });
    expect(recipe).toMatchObject({ arch, recipeType: "rootfs" });
    expect(recipe.linkPath).toMatch(/\/apis\/ims\/v3\/artifacts\//);
  });
});

it("is built once", async () => {
  const before = await db().image.count();
  await ensureSamples(() => {});
  expect(await db().image.count()).toBe(before);
});
