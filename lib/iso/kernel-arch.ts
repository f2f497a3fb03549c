// Tells a kernel image's CPU architecture from its header: PE/COFF (x86_64 and arm64 EFI-stub
// kernels), ELF (ppc64le, and uncompressed kernels), or the arm64 Image header.
import type { Arch } from "@/lib/arch";

const PE_MACHINE: Record<number, Arch> = { 34404: "x86_64", 43620: "aarch64" };
const ELF_MACHINE: Record<number, Arch> = { 62: "x86_64", 183: "aarch64", 21: "ppc64le", 22: "s390x" };

export type KernelArch =
  | { arch: Arch; format: "pe" | "elf" | "arm64-image" }
  | { arch: null; format: "unknown"; reason: string };

/** `head` should hold the first 4 KiB of the kernel file at least. */
export function kernelArch(head: Buffer): KernelArch {
  if (head.length >= 0x40 && head.toString("latin1", 0, 2) === "MZ") {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.toString("latin1", pe, pe + 4) === "PE\0\0") {
      const machine = head.readUInt16LE(pe + 4);
      const arch = PE_MACHINE[machine];
      return arch
        ? { arch, format: "pe" }
        : { arch: null, format: "unknown", reason: `PE machine 0x${machine.toString(16)} is not one Archway knows` };
    }
  }
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const little = head[5] === 1;
    const machine = little ? head.readUInt16LE(18) : head.readUInt16BE(18);
    const arch = ELF_MACHINE[machine];
    return arch
      ? { arch, format: "elf" }
      : { arch: null, format: "unknown", reason: `ELF machine ${machine} is not one Archway knows` };
  }
  // arm64 "Image" without EFI stub: magic "ARM\x64" at offset 56.
  if (head.length >= 60 && head.readUInt32LE(56) === 0x644d5241) return { arch: "aarch64", format: "arm64-image" };
  return { arch: null, format: "unknown", reason: "neither a PE/COFF, ELF nor arm64 Image kernel" };
}
