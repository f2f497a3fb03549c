// Boot loader configs of the sample live ISOs, laid out like the FCOS/RHCOS live ISO's: each holds
// a kernel-argument embed area (kargs, "\n", "#" padding, then the COREOS_KARG_EMBED_AREA marker),
// described by /coreos/kargs.json, with /.cmdline holding the padded defaults (legacy coreKarg).
import "server-only";
import { archProfile, type SampleArch } from "./arch-profiles";

export const KARG_AREA_SIZE = 1024; // RHCOS/FCOS use ~1137
export const KARG_MARKER = "# COREOS_KARG_EMBED_AREA\n";
export const KERNEL = "/images/pxeboot/vmlinuz";
export const INITRD = "/images/pxeboot/initrd.img";
export const ROOTFS = "/images/pxeboot/rootfs.img";
export const IGNITION_IMG = "/images/ignition.img";
/** The file GRUB searches for to find the ISO 9660 volume it was started from. */
export const ROOT_MARKER_FILE = "/coreos/igninfo.json";

export type BootConfig = { path: string; text: string; kargsOffset: number };
export type KargsJson = {
  default: string;
  files: { end: string; offset: number; pad: string; path: string }[];
  size: number;
};

export function volumeLabel(arch: SampleArch): string {
  return `archway-live-${arch}`;
}

export function defaultKargs(arch: SampleArch): string {
  return `${archProfile(arch).console} coreos.liveiso=${volumeLabel(arch)} ignition.firstboot ignition.platform.id=metal panic=10`;
}

/** Default kargs, newline, then "#" up to the area size: what /.cmdline holds and each area starts as. */
export function paddedKargs(kargs: string, size = KARG_AREA_SIZE): string {
  const pad = size - Buffer.byteLength(kargs) - 1;
  if (pad <= 0)
    throw new Error(`Kernel arguments (${Buffer.byteLength(kargs)} bytes) do not fit a ${size}-byte karg area`);
  return `${kargs}\n${"#".repeat(pad)}`;
}

/** `before` + area + marker + `after`, remembering where the area starts (in bytes). */
function withArea(path: string, before: string, kargs: string, after = ""): BootConfig {
  return { path, text: `${before}${paddedKargs(kargs)}${KARG_MARKER}${after}`, kargsOffset: Buffer.byteLength(before) };
}

export function grubConfig(arch: SampleArch): BootConfig {
  const head = `set timeout=1\n\nmenuentry "Archway live (${arch})" {\n\tlinux ${KERNEL} `;
  return withArea("EFI/redhat/grub.cfg", head, defaultKargs(arch), `\tinitrd ${INITRD} ${IGNITION_IMG}\n}\n`);
}

export function isolinuxConfig(arch: SampleArch): BootConfig {
  const head = `serial 0 115200\ndefault linux\nprompt 0\ntimeout 10\nlabel linux\n  kernel ${KERNEL}\n  append initrd=${INITRD},${IGNITION_IMG} `;
  return withArea("isolinux/isolinux.cfg", head, defaultKargs(arch));
}

/** Embedded in (or next to) the EFI loader: find the ISO volume and hand over to the real config. */
export const GRUB_STUB = `search --no-floppy --file --set=root ${ROOT_MARKER_FILE}
set prefix=($root)/EFI/redhat
configfile ($root)/EFI/redhat/grub.cfg
`;

/** The boot configs this arch's ISO carries, each with a karg area. */
export function bootConfigs(arch: SampleArch): BootConfig[] {
  return archProfile(arch).bios ? [grubConfig(arch), isolinuxConfig(arch)] : [grubConfig(arch)];
}

/** /coreos/kargs.json, keys sorted and files by path, as coreos-assembler writes it. */
export function kargsJson(arch: SampleArch, configs: BootConfig[]): string {
  const doc: KargsJson = {
    default: defaultKargs(arch),
    files: configs
      .map((c) => ({ end: "\n", offset: c.kargsOffset, pad: "#", path: c.path }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    size: KARG_AREA_SIZE,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const IGNINFO_JSON = `${JSON.stringify({ file: IGNITION_IMG.slice(1) }, null, 2)}\n`;
