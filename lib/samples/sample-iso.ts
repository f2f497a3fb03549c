// Builds a small, real CoreOS-style live ISO for one architecture from Debian packages: the
// netboot kernel, a slim initrd that reports what it booted with, the Ignition and karg embed areas
// in both the current (igninfo.json/kargs.json) and the legacy (System Area header) layouts.
import "server-only";
import { mkdir, readdir, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { fileSha256 } from "@/lib/files/file-sha256";
import { makeWorkDir, replaceAtomically } from "@/lib/files/partial";
import { archProfile, type SampleArch } from "./arch-profiles";
import { volumeLabel } from "./boot-configs";
import { EFIBOOT_IMG } from "./efi-boot";
import { writeLegacyHeaders } from "./legacy-headers";
import { assertInstalled, missingTools } from "./prerequisites";
import { type Log, type RunOptions, runTool } from "./run-tool";
import { stageRoot } from "./stage-root";

export type BuildSampleIsoOptions = { arch: SampleArch; out: string; log?: Log };
export type BuiltIso = { out: string; sizeBytes: number; sha256: string };

/** Every file and directory dated `when`, so the ISO's timestamps depend on the inputs only. */
async function dateTree(dir: string, when: Date): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await dateTree(p, when);
    await utimes(p, when, when);
  }
  await utimes(dir, when, when);
}

async function master(arch: SampleArch, root: string, iso: string, run: RunOptions): Promise<void> {
  const common = ["-as", "mkisofs", "-quiet", "-R", "-J", "-joliet-long", "-V", volumeLabel(arch), "-o", iso];
  if (archProfile(arch).bios) {
    const bios = [
      "-b",
      "isolinux/isolinux.bin",
      "-c",
      "isolinux/boot.cat",
      "-no-emul-boot",
      "-boot-load-size",
      "4",
      "-boot-info-table",
    ];
    await runTool("xorriso", [...common, ...bios, "-eltorito-alt-boot", "-e", EFIBOOT_IMG, "-no-emul-boot", root], run);
    // Like coreos-assembler: MBR + a 128-entry GPT (ends at byte 17408). xorriso's own
    // -isohybrid-gpt-basdat writes 248 entries up to byte 32767, where the legacy headers go.
    await runTool("isohybrid", ["--uefi", iso], run);
  } else {
    // aarch64 RHCOS ISOs are plain El Torito (EFI only) with no partition table.
    await runTool("xorriso", [...common, "-c", "boot.catalog", "-e", EFIBOOT_IMG, "-no-emul-boot", root], run);
  }
}

/** Builds into a temp file next to `out` and renames it into place, so `out` is never half written. */
export async function buildSampleIso({ arch, out, log }: BuildSampleIsoOptions): Promise<BuiltIso> {
  const profile = archProfile(arch);
  assertInstalled(missingTools(arch), `build the ${arch} sample ISO`);
  // Dates (ISO volume, Rock Ridge, FAT) follow the Debian kernel package rather than the clock.
  const epoch = Math.floor((await stat(path.join(profile.netbootDir, "linux"))).mtimeMs / 1000);
  const run: RunOptions = { log, env: { ...process.env, SOURCE_DATE_EPOCH: String(epoch) } };
  await mkdir(path.dirname(out), { recursive: true });
  const stage = await makeWorkDir("iso");
  try {
    const built = await replaceAtomically(out, async (partial) => {
      const root = path.join(stage, "root");
      log?.(`staging the ${arch} live ISO in ${stage}`);
      await stageRoot(arch, root, stage, run);
      await dateTree(root, new Date(epoch * 1000));
      await master(arch, root, partial, run);
      const headers = await writeLegacyHeaders(partial);
      log?.(
        `coreiso+: area @${headers.ignition.offset} (${headers.ignition.length} bytes); coreKarg: default @${headers.karg.defaultOffset}, areas @${headers.karg.areas.join(", ")}`,
      );
      return { out, sizeBytes: (await stat(partial)).size, sha256: (await fileSha256(partial)).sha256 };
    });
    log?.(`built ${out} (${built.sizeBytes} bytes, sha256 ${built.sha256})`);
    return built;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
