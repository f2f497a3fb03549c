// The QEMU command line that boots a live ISO in one firmware mode under TCG (no KVM needed),
// with its serial console on stdout and no network at all; firmware copies go into `work`.
import "server-only";
import { copyFile, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";

export type BootMode = "x86_64-bios" | "x86_64-uefi" | "aarch64-uefi";
export const BOOT_MODES: BootMode[] = ["x86_64-bios", "x86_64-uefi", "aarch64-uefi"];

export const FIRMWARE = {
  ovmfCode: "/usr/share/OVMF/OVMF_CODE_4M.fd",
  ovmfVars: "/usr/share/OVMF/OVMF_VARS_4M.fd",
  aavmfCode: "/usr/share/AAVMF/AAVMF_CODE.fd",
} as const;

// The virt machine's two flash banks are 64 MiB each; smaller images must be padded.
const AAVMF_FLASH = 64 * 1024 * 1024;

/** QEMU's -drive option syntax treats "," as a separator; a literal one is doubled. */
function drivePath(p: string): string {
  return p.replace(/,/g, ",,");
}

function pflash(file: string, readonly: boolean): string[] {
  return ["-drive", `if=pflash,format=raw,${readonly ? "readonly=on," : ""}file=${drivePath(file)}`];
}

const COMMON = ["-accel", "tcg", "-m", "1024", "-smp", "1", "-nographic", "-no-reboot", "-nic", "none"];

/** Writable UEFI variable store for this boot only, and a 64 MiB code image for AAVMF. */
async function aavmfFlash(work: string): Promise<{ code: string; vars: string }> {
  let code: string = FIRMWARE.aavmfCode;
  if ((await stat(code)).size !== AAVMF_FLASH) {
    code = path.join(work, "aavmf-code.fd");
    await copyFile(FIRMWARE.aavmfCode, code);
    await truncate(code, AAVMF_FLASH);
  }
  // An all-zero store is valid: the firmware formats it on first boot.
  const vars = path.join(work, "aavmf-vars.fd");
  await writeFile(vars, "");
  await truncate(vars, AAVMF_FLASH);
  return { code, vars };
}

export async function qemuCommand(mode: BootMode, iso: string, work: string): Promise<{ cmd: string; args: string[] }> {
  switch (mode) {
    case "x86_64-bios":
      return { cmd: "qemu-system-x86_64", args: [...COMMON, "-cdrom", iso, "-boot", "d"] };
    case "x86_64-uefi": {
      const vars = path.join(work, "ovmf-vars.fd");
      await copyFile(FIRMWARE.ovmfVars, vars);
      return {
        cmd: "qemu-system-x86_64",
        args: [
          ...COMMON,
          "-M",
          "q35",
          ...pflash(FIRMWARE.ovmfCode, true),
          ...pflash(vars, false),
          "-cdrom",
          iso,
          "-boot",
          "d",
        ],
      };
    }
    case "aarch64-uefi": {
      const { code, vars } = await aavmfFlash(work);
      const cd = [
        "-device",
        "virtio-scsi-pci",
        "-drive",
        `if=none,id=cd0,media=cdrom,format=raw,readonly=on,file=${drivePath(iso)}`,
        "-device",
        "scsi-cd,drive=cd0",
      ];
      return {
        cmd: "qemu-system-aarch64",
        args: [
          "-M",
          "virt",
          "-cpu",
          "cortex-a57",
          ...COMMON,
          ...pflash(code, true),
          ...pflash(vars, false),
          ...cd,
          "-boot",
          "d",
        ],
      };
    }
  }
}
