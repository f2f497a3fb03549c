// Makes a base ISO's minimal-ISO template: the same ISO without its live rootfs (which hosts then
// fetch from the console through coreos.live.rootfs_url), plus that rootfs extracted for serving.
// Both are built under fresh temp names (xorriso refuses an -outdev that already holds data) and
// renamed into place only once complete and checked.
import { execFile } from "node:child_process";
import { open, rename, rm, stat } from "node:fs/promises";
import { promisify } from "node:util";
import { partialPath, syncFile } from "@/lib/files/partial";
import { locateEmbedAreas } from "@/lib/iso/embed-areas";
import { findPath } from "@/lib/iso/iso9660";

const run = promisify(execFile);
export const ROOTFS_IN_ISO = "/images/pxeboot/rootfs.img";

export type MinimalTemplate = { minimalPath: string; minimalSize: number; rootfsPath: string } | null;

async function build(base: string, minimal: string, rootfs: string, log: (l: string) => void): Promise<void> {
  await run("xorriso", ["-osirrox", "on", "-indev", base, "-extract", ROOTFS_IN_ISO, rootfs]);
  const { stderr } = await run("xorriso", [
    "-indev",
    base,
    "-outdev",
    minimal,
    "-boot_image",
    "any",
    "replay",
    "-rm",
    ROOTFS_IN_ISO,
    "--",
    "-commit",
  ]);
  stderr
    .split("\n")
    .filter((l) => /FAILURE|SORRY|WARNING/.test(l))
    .forEach(log);
  const mh = await open(minimal, "r");
  try {
    await locateEmbedAreas(mh); // the template must keep its embed areas
  } finally {
    await mh.close();
  }
  await syncFile(rootfs);
  await syncFile(minimal);
}

/** null when the base ISO has no rootfs (then there is nothing a minimal ISO could leave out). */
export async function buildMinimalTemplate(
  base: string,
  out: { minimal: string; rootfs: string },
  log: (l: string) => void,
): Promise<MinimalTemplate> {
  const fh = await open(base, "r");
  const rootfs = await findPath(fh, ROOTFS_IN_ISO).finally(() => fh.close());
  if (!rootfs || rootfs.isDir) {
    log(`no ${ROOTFS_IN_ISO} in the base ISO: minimal ISOs are not offered for it`);
    return null;
  }
  const tmp = { minimal: partialPath(out.minimal), rootfs: partialPath(out.rootfs) };
  try {
    await build(base, tmp.minimal, tmp.rootfs, log);
    await rename(tmp.rootfs, out.rootfs);
    await rename(tmp.minimal, out.minimal);
  } finally {
    await rm(tmp.minimal, { force: true });
    await rm(tmp.rootfs, { force: true });
  }
  const minimalSize = (await stat(out.minimal)).size;
  log(`minimal template: ${minimalSize} bytes (rootfs ${(await stat(out.rootfs)).size} bytes served separately)`);
  return { minimalPath: out.minimal, minimalSize, rootfsPath: out.rootfs };
}
