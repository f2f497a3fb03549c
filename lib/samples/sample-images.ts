// The embedded default's sample images and recipes, one per architecture, built on first start:
// a squashfs rootfs holding a real root of that architecture (busybox + glibc from Debian's
// netboot initrd), the Debian netboot kernel and initrd, a manifest; and a `rootfs` recipe.
import "server-only";
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { create as tarCreate } from "tar";
import { archDisplayName } from "@/lib/arch";
import { saveArtifact } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import { makeWorkDir } from "@/lib/files/partial";
import { ARTIFACT_TYPES, artifactLinkPath, buildManifest } from "@/lib/images/manifest";
import { createImage } from "@/lib/images/service";
import { createRecipe } from "@/lib/recipes/service";
import { uploadRecipeArchive } from "@/lib/recipes/upload";
import { archProfile, SAMPLE_ARCHES, type SampleArch } from "@/lib/samples/arch-profiles";
import { unpackBusyboxRoot } from "./busybox-root";

const run = promisify(execFile);
export const SAMPLE_LABEL = "archway.io/sample";
export const sampleImageName = (arch: SampleArch) => `sample-debian12-busybox-${arch}`;
export const sampleRecipeName = (arch: SampleArch) => `sample-rootfs-motd-${arch}`;

async function squashRoot(arch: SampleArch, work: string, log: (l: string) => void): Promise<string> {
  const root = path.join(work, "root");
  await mkdir(root, { recursive: true });
  await unpackBusyboxRoot(arch, root, log);
  await mkdir(path.join(root, "etc"), { recursive: true });
  await writeFile(
    path.join(root, "etc/os-release"),
    `NAME="Archway sample"\nID=archway-sample\nVERSION_ID=12\nPRETTY_NAME="Archway sample root (Debian 12 busybox, ${archDisplayName(arch)})"\n`,
  );
  await writeFile(path.join(root, "etc/motd"), `Archway sample image for ${arch}\n`);
  const out = path.join(work, "rootfs.squashfs");
  await run("mksquashfs", [
    root,
    out,
    "-noappend",
    "-all-root",
    "-comp",
    "gzip",
    "-quiet",
    "-no-progress",
    "-mkfs-time",
    "0",
    "-all-time",
    "0",
  ]);
  return out;
}

async function importSampleImage(arch: SampleArch, log: (l: string) => void) {
  const work = await makeWorkDir("image");
  try {
    const squash = await squashRoot(arch, work, log);
    const p = archProfile(arch);
    const parts = [
      { role: "rootfs" as const, file: squash },
      { role: "kernel" as const, file: path.join(p.netbootDir, "linux") },
      { role: "initrd" as const, file: path.join(p.netbootDir, "initrd.gz") },
    ];
    const stored = [];
    for (const part of parts) {
      const a = await saveArtifact(createReadStream(part.file), { contentType: ARTIFACT_TYPES[part.role] });
      stored.push({ role: part.role, artifactId: a.id, md5: a.md5, sha256: a.sha256 });
    }
    const manifest = await saveArtifact(Readable.from([Buffer.from(JSON.stringify(buildManifest(stored), null, 2))]), {
      contentType: "application/json",
    });
    await createImage({
      name: sampleImageName(arch),
      arch,
      link: { path: artifactLinkPath(manifest.id), etag: manifest.md5, type: "archway" },
      metadata: { [SAMPLE_LABEL]: "true", os: "debian12-busybox" },
    });
    log(`sample image ${sampleImageName(arch)} imported`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const BUILD_SH = `#!/bin/sh
# Runs inside the image root (chroot), under emulation when the recipe's arch is foreign.
set -e
echo "Built by Archway's sample recipe on $(uname -m)" > /etc/motd
`;

async function createSampleRecipe(arch: SampleArch, log: (l: string) => void) {
  const work = await makeWorkDir("recipe");
  try {
    await writeFile(path.join(work, "build.sh"), BUILD_SH);
    await chmod(path.join(work, "build.sh"), 0o755);
    const recipe = await createRecipe({
      name: sampleRecipeName(arch),
      recipe_type: "rootfs",
      linux_distribution: "debian12",
      arch,
    });
    await uploadRecipeArchive(
      recipe.id,
      Readable.from(
        tarCreate({ gzip: true, cwd: work, portable: true }, ["build.sh"]) as unknown as AsyncIterable<Buffer>,
      ),
    );
    log(`sample recipe ${sampleRecipeName(arch)} created`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Imports what is missing; safe to call at every start. */
export async function ensureSamples(log: (l: string) => void = console.log): Promise<void> {
  for (const arch of SAMPLE_ARCHES) {
    if (!(await db().image.findFirst({ where: { name: sampleImageName(arch), arch } })))
      await importSampleImage(arch, log);
    if (!(await db().recipe.findFirst({ where: { name: sampleRecipeName(arch), arch } })))
      await createSampleRecipe(arch, log);
  }
}
