// Which Debian packages are missing for building a sample live ISO (or booting one under QEMU),
// checked by the files and programs the builder actually uses.
import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { archProfile, type SampleArch } from "./arch-profiles";
import { type BootMode, FIRMWARE, type GuestHardware } from "./qemu-command";
import { findExecutable } from "./run-tool";

/** A Debian package and one program (on PATH) or file it provides that the code uses. */
type Need = { pkg: string } & ({ program: string } | { file: string });

export const ISOLINUX_BIN = "/usr/lib/ISOLINUX/isolinux.bin";
export const LDLINUX_C32 = "/usr/lib/syslinux/modules/bios/ldlinux.c32";

function buildNeeds(arch: SampleArch): Need[] {
  const p = archProfile(arch);
  const netboot = `debian-installer-12-netboot-${p.debArch}`;
  const needs: Need[] = [
    { pkg: netboot, file: path.join(p.netbootDir, "linux") },
    { pkg: netboot, file: path.join(p.netbootDir, "initrd.gz") },
    { pkg: "xorriso", program: "xorriso" },
    { pkg: "cpio", program: "cpio" },
    { pkg: "dosfstools", program: "mkfs.vfat" },
    { pkg: "mtools", program: "mcopy" },
    { pkg: "mtools", program: "mmd" },
  ];
  if (p.efiLoader.kind === "debian-installer") needs.push({ pkg: netboot, file: p.efiLoader.file });
  else {
    needs.push({ pkg: "grub-common", program: "grub-mkstandalone" });
    needs.push({ pkg: "grub-efi-amd64-bin", file: `/usr/lib/grub/${p.efiLoader.format}` });
  }
  if (p.bios) {
    needs.push({ pkg: "syslinux-utils", program: "isohybrid" });
    needs.push({ pkg: "isolinux", file: ISOLINUX_BIN });
    needs.push({ pkg: "syslinux-common", file: LDLINUX_C32 });
  }
  return needs;
}

const BOOT_NEEDS: Record<BootMode, Need[]> = {
  "x86_64-bios": [{ pkg: "qemu-system-x86", program: "qemu-system-x86_64" }],
  "x86_64-uefi": [
    { pkg: "qemu-system-x86", program: "qemu-system-x86_64" },
    { pkg: "ovmf", file: FIRMWARE.ovmfCode },
    { pkg: "ovmf", file: FIRMWARE.ovmfVars },
  ],
  "aarch64-uefi": [
    { pkg: "qemu-system-arm", program: "qemu-system-aarch64" },
    { pkg: "qemu-efi-aarch64", file: FIRMWARE.aavmfCode },
  ],
};

function missing(needs: Need[]): string[] {
  const pkgs = needs
    .filter((n) => ("program" in n ? findExecutable(n.program) === null : !existsSync(n.file)))
    .map((n) => n.pkg);
  return [...new Set(pkgs)];
}

/** Debian packages to install before `buildSampleIso(arch)` can work; [] when all are there. */
export function missingTools(arch: SampleArch): string[] {
  return missing(buildNeeds(arch));
}

/** Debian packages to install before `bootIso` can boot in this mode; [] when all are there. */
export function missingBootTools(mode: BootMode, hw: GuestHardware = {}): string[] {
  // The console forward runs socat for each connection the guest opens.
  return missing([...BOOT_NEEDS[mode], ...(hw.console ? [{ pkg: "socat", program: "socat" }] : [])]);
}

/** Debian packages to install before a base ISO can be cached (minimal template; a sample built first). */
export function missingCacheTools(sample: SampleArch | null): string[] {
  const needs: Need[] = [{ pkg: "xorriso", program: "xorriso" }, ...(sample ? buildNeeds(sample) : [])];
  return missing(needs);
}

/** Its own class, so a failure it caused can be retried once the packages are there. */
export class MissingPackages extends Error {
  constructor(
    readonly packages: string[],
    what: string,
  ) {
    super(`Cannot ${what}: missing Debian packages; install: apt-get install ${packages.join(" ")}`);
    this.name = "MissingPackages";
  }
}

export function assertInstalled(packages: string[], what: string): void {
  if (packages.length) throw new MissingPackages(packages, what);
}
