// Lays out a sample live ISO's file tree in a staging directory, in the FCOS/RHCOS live layout:
// kernel + initrd under images/pxeboot, the zeroed Ignition area, coreos/*.json, boot configs.
import "server-only";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { archProfile, type SampleArch } from "./arch-profiles";
import {
  bootConfigs,
  defaultKargs,
  IGNINFO_JSON,
  IGNITION_IMG,
  INITRD,
  KARG_AREA_SIZE,
  KARG_MARKER,
  KERNEL,
  kargsJson,
  paddedKargs,
  ROOTFS,
} from "./boot-configs";
import { stageEfiBoot } from "./efi-boot";
import { ISOLINUX_BIN, LDLINUX_C32 } from "./prerequisites";
import type { RunOptions } from "./run-tool";
import { buildLiveImages } from "./slim-initrd";

export const IGNITION_AREA_SIZE = 256 * 1024; // coreos-assembler's ignition_img_size

async function put(root: string, file: string, data: string | Buffer): Promise<void> {
  const target = path.join(root, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, data);
}

/** Fills `root` with every file of the ISO; `work` is scratch space inside the same staging dir. */
export async function stageRoot(arch: SampleArch, root: string, work: string, run: RunOptions): Promise<void> {
  const p = archProfile(arch);
  await mkdir(path.join(root, "images/pxeboot"), { recursive: true });
  await copyFile(path.join(p.netbootDir, "linux"), path.join(root, KERNEL));
  const { initrd, rootfs } = await buildLiveImages(arch, run.log);
  await put(root, INITRD, initrd);
  // The live root the full ISO carries and a minimal ISO fetches instead (coreos.live.rootfs_url);
  // RHCOS ships a cpio there, and the sample's is its own real root of that architecture (the
  // initrd's, which checks a fetched copy against its sha256).
  await put(root, ROOTFS, rootfs);
  await put(root, IGNITION_IMG, Buffer.alloc(IGNITION_AREA_SIZE));
  await put(root, "coreos/igninfo.json", IGNINFO_JSON);

  const configs = bootConfigs(arch);
  for (const c of configs) {
    // The area must end exactly where the marker starts, or kargs.json would point at the wrong bytes.
    const bytes = Buffer.from(c.text);
    if (
      bytes.toString("utf8", c.kargsOffset + KARG_AREA_SIZE, c.kargsOffset + KARG_AREA_SIZE + KARG_MARKER.length) !==
      KARG_MARKER
    ) {
      throw new Error(`Karg area of ${c.path} is misplaced`);
    }
    await put(root, c.path, bytes);
  }
  await put(root, "coreos/kargs.json", kargsJson(arch, configs));
  await put(root, ".cmdline", paddedKargs(defaultKargs(arch)));
  if (p.bios) {
    await mkdir(path.join(root, "isolinux"), { recursive: true });
    await copyFile(ISOLINUX_BIN, path.join(root, "isolinux/isolinux.bin"));
    await copyFile(LDLINUX_C32, path.join(root, "isolinux/ldlinux.c32"));
  }
  await stageEfiBoot(arch, root, work, run);
}
