// Per-architecture facts for the sample live ISOs: where Debian keeps that arch's netboot kernel,
// its dynamic loader, its serial console, how it boots (BIOS isolinux and/or UEFI loader).
import "server-only";
import path from "node:path";
import { type Arch, isArch } from "@/lib/arch";

/** The architectures Debian's netboot packages let us build on an amd64 host. */
export type SampleArch = Extract<Arch, "x86_64" | "aarch64">;

export type ArchProfile = {
  /** Debian's name, used in the debian-installer package and paths. */
  debArch: string;
  /** Where debian-installer-12-netboot-<debArch> puts `linux`, `initrd.gz` (and `grubaa64.efi`). */
  netbootDir: string;
  /** Loader file name under EFI/BOOT/, the name UEFI firmware looks for on removable media. */
  efiBootName: string;
  console: string;
  /** glibc's directory inside the d-i initrd, and the dynamic loader in it. */
  libDir: string;
  ldso: string;
  /** The program interpreter path busybox asks for (PT_INTERP), as a symlink into libDir. */
  interpLink: { path: string; target: string };
  /**
   * How the UEFI loader is obtained: built with grub-mkstandalone, or d-i's signed-off GRUB reused
   * (grub-efi-arm64-bin does not install on amd64; d-i's looks for its config under `prefix`).
   */
  efiLoader: { kind: "grub-mkstandalone"; format: string } | { kind: "debian-installer"; file: string; prefix: string };
  /** x86_64 ISOs also boot from BIOS via isolinux, and are made hybrid (MBR + GPT) like RHCOS. */
  bios: boolean;
};

function netboot(debArch: string): string {
  return `/usr/lib/debian-installer/images/12/${debArch}/text/debian-installer/${debArch}`;
}

const PROFILES: Record<SampleArch, ArchProfile> = {
  x86_64: {
    debArch: "amd64",
    netbootDir: netboot("amd64"),
    efiBootName: "BOOTX64.EFI",
    console: "console=tty0 console=ttyS0,115200n8",
    libDir: "lib/x86_64-linux-gnu",
    ldso: "ld-linux-x86-64.so.2",
    interpLink: { path: "lib64/ld-linux-x86-64.so.2", target: "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" },
    efiLoader: { kind: "grub-mkstandalone", format: "x86_64-efi" },
    bios: true,
  },
  aarch64: {
    debArch: "arm64",
    netbootDir: netboot("arm64"),
    efiBootName: "BOOTAA64.EFI",
    console: "console=ttyAMA0,115200n8",
    libDir: "lib/aarch64-linux-gnu",
    ldso: "ld-linux-aarch64.so.1",
    interpLink: { path: "lib/ld-linux-aarch64.so.1", target: "aarch64-linux-gnu/ld-linux-aarch64.so.1" },
    efiLoader: {
      kind: "debian-installer",
      file: path.join(netboot("arm64"), "grubaa64.efi"),
      prefix: "debian-installer/arm64/grub",
    },
    bios: false,
  },
};

export function isSampleArch(arch: string): arch is SampleArch {
  return isArch(arch) && Object.hasOwn(PROFILES, arch);
}

export function archProfile(arch: string): ArchProfile {
  if (!isSampleArch(arch))
    throw new Error(`No sample live ISO for architecture "${arch}"; supported: ${Object.keys(PROFILES).join(", ")}`);
  return PROFILES[arch];
}

export const SAMPLE_ARCHES = Object.keys(PROFILES) as SampleArch[];
