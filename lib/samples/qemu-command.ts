// The QEMU command line that boots a live ISO in one firmware mode under TCG (no KVM needed),
// with its serial console on stdout; firmware copies go into `work`. No network at all, unless the
// guest is to reach a console: then user networking that reaches that one port and nothing else.
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

/** Where a guest's agent finds the console: http://CONSOLE_GUEST_ADDRESS:<guestPort>. */
export const CONSOLE_GUEST_ADDRESS = "10.0.2.100";

export type GuestHardware = {
  /** User networking with DHCP whose only way out is guest 10.0.2.100:guestPort → 127.0.0.1:hostPort. */
  console?: { guestPort: number; hostPort: number; hostname?: string };
  /** A blank (sparse) USB disk of this many bytes, for the guest to report. */
  diskBytes?: number;
  cpus?: number;
  memoryMiB?: number;
};

function common(hw: GuestHardware): string[] {
  const base = ["-accel", "tcg", "-m", String(hw.memoryMiB ?? 1024), "-smp", String(hw.cpus ?? 1)];
  return [...base, "-nographic", "-no-reboot"];
}

/** The NIC and disk of `hw`; restrict=on keeps the guest off every network but the forwarded port. */
async function devices(hw: GuestHardware, work: string): Promise<string[]> {
  const args: string[] = [];
  if (hw.console) {
    const { guestPort, hostPort, hostname } = hw.console;
    const fwd = `guestfwd=tcp:${CONSOLE_GUEST_ADDRESS}:${guestPort}-cmd:socat - TCP:127.0.0.1:${hostPort}`;
    const name = hostname ? `,hostname=${hostname}` : "";
    // romfile= (none): no PXE option ROM, so the firmware goes straight to the CD.
    args.push("-netdev", `user,id=n0,restrict=on${name},${fwd}`, "-device", "virtio-net-pci,netdev=n0,romfile=");
  } else args.push("-nic", "none");
  if (hw.diskBytes) {
    const disk = path.join(work, "disk.raw");
    await writeFile(disk, "");
    await truncate(disk, hw.diskBytes);
    args.push(
      "-device",
      "qemu-xhci,id=xhci",
      "-drive",
      `if=none,id=disk0,format=raw,file=${drivePath(disk)}`,
      "-device",
      "usb-storage,bus=xhci.0,drive=disk0",
    );
  }
  return args;
}

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

export async function qemuCommand(
  mode: BootMode,
  iso: string,
  work: string,
  hw: GuestHardware = {},
): Promise<{ cmd: string; args: string[] }> {
  const COMMON = [...common(hw), ...(await devices(hw, work))];
  // bootindex=0: UEFI firmware tries the CD before any disk or NIC the guest also has.
  const cd = `if=none,id=cd0,media=cdrom,format=raw,readonly=on,file=${drivePath(iso)}`;
  const x86Cd = ["-drive", cd, "-device", "ide-cd,drive=cd0,bootindex=0"];
  switch (mode) {
    case "x86_64-bios":
      return { cmd: "qemu-system-x86_64", args: [...COMMON, ...x86Cd, "-boot", "d"] };
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
          ...x86Cd,
          "-boot",
          "d",
        ],
      };
    }
    case "aarch64-uefi": {
      const { code, vars } = await aavmfFlash(work);
      const scsiCd = ["-device", "virtio-scsi-pci", "-drive", cd, "-device", "scsi-cd,drive=cd0,bootindex=0"];
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
          ...scsiCd,
          "-boot",
          "d",
        ],
      };
    }
  }
}
