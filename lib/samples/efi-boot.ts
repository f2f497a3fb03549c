// The UEFI side of a sample ISO: the loader at EFI/BOOT/BOOT<arch>.EFI and the FAT image
// (images/efiboot.img) that El Torito hands to the firmware, holding the same loader and its config.
import "server-only";
import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { archProfile, type SampleArch } from "./arch-profiles";
import { GRUB_STUB } from "./boot-configs";
import { type RunOptions, runTool } from "./run-tool";

// Enough to find the ISO volume, read grub.cfg and boot a gzip'd kernel + initrds.
const GRUB_MODULES =
  "part_gpt part_msdos iso9660 fat search search_fs_file configfile linux normal echo test gzio xzio all_video efi_gop boot ls cat";

export const EFIBOOT_IMG = "images/efiboot.img";

/** Puts the loader (and, for d-i's GRUB, its config stub) into the staging root; returns files to copy into the FAT image. */
async function stageLoader(
  arch: SampleArch,
  root: string,
  work: string,
  run: RunOptions,
): Promise<{ from: string; to: string }[]> {
  const p = archProfile(arch);
  const loader = path.join(root, "EFI/BOOT", p.efiBootName);
  await mkdir(path.dirname(loader), { recursive: true });
  const stub = path.join(work, "grub.cfg");
  await writeFile(stub, GRUB_STUB);
  if (p.efiLoader.kind === "grub-mkstandalone") {
    await runTool(
      "grub-mkstandalone",
      [
        "-O",
        p.efiLoader.format,
        `--modules=${GRUB_MODULES}`,
        `--install-modules=${GRUB_MODULES}`,
        "--locales=",
        "--themes=",
        "--fonts=",
        "-o",
        loader,
        `boot/grub/grub.cfg=${stub}`,
      ],
      run,
    );
    return [
      { from: loader, to: `EFI/BOOT/${p.efiBootName}` },
      { from: stub, to: "EFI/BOOT/grub.cfg" },
    ];
  }
  // d-i's GRUB has its prefix compiled in; a config there hands over to EFI/redhat/grub.cfg.
  await copyFile(p.efiLoader.file, loader);
  const prefixCfg = path.join(root, p.efiLoader.prefix, "grub.cfg");
  await mkdir(path.dirname(prefixCfg), { recursive: true });
  await writeFile(prefixCfg, GRUB_STUB);
  return [
    { from: loader, to: `EFI/BOOT/${p.efiBootName}` },
    { from: prefixCfg, to: `${p.efiLoader.prefix}/grub.cfg` },
  ];
}

/** Every parent directory of the given FAT paths, shallowest first, each once. */
function parentDirs(paths: string[]): string[] {
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split("/").slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return [...dirs].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
}

/** Stages the EFI loader and writes images/efiboot.img into `root`. */
export async function stageEfiBoot(arch: SampleArch, root: string, work: string, run: RunOptions): Promise<void> {
  const files = await stageLoader(arch, root, work, run);
  const img = path.join(root, EFIBOOT_IMG);
  await mkdir(path.dirname(img), { recursive: true });
  const loaderSize = (await stat(files[0].from)).size;
  const kib = Math.floor(loaderSize / 1024) + 512; // FAT overhead and the config, with room to spare
  // --invariant: fixed volume id and dates, so the image depends only on its inputs.
  await runTool("mkfs.vfat", ["--invariant", "-C", "-n", "EFI-SYSTEM", img, String(kib)], run);
  await runTool("mmd", ["-i", img, ...parentDirs(files.map((f) => f.to)).map((d) => `::/${d}`)], run);
  for (const f of files) await runTool("mcopy", ["-i", img, f.from, `::/${f.to}`], run);
}
