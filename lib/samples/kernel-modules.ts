// The kernel modules the sample live ISOs' agent needs (NICs, DHCP's packet sockets, USB and SCSI
// disks), taken from Debian's netboot initrd with everything they depend on, and the order /init
// loads them in (busybox insmod does not resolve dependencies; the initrd has no modules.dep).
import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { CpioEntry } from "@/lib/iso/cpio";

/**
 * What QEMU and common servers present; a name the kernel has built in (or lacks) is skipped. The
 * network comes first; /init loads the disk drivers while DHCP and the agent get going (modules
 * load slowly under emulation).
 */
const WANTED = {
  network: ["af_packet", "virtio_pci", "virtio_net", "e1000", "e1000e"],
  storage: ["xhci_pci", "usb_storage", "sd_mod", "virtio_blk", "virtio_scsi", "ahci", "nvme"],
};
export type ModuleGroup = keyof typeof WANTED;
/** usb-storage waits a second per device by default; the agent's first inventory should see the disk. */
const PARAMS: Record<string, string> = { usb_storage: "delay_use=0" };

const moduleName = (file: string) => path.basename(file).replace(/\.ko$/, "").replace(/-/g, "_");

async function walk(dir: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.posix.join(rel, e.name);
    if (e.isDirectory()) out.push(...(await walk(dir, r)));
    else if (e.name.endsWith(".ko")) out.push(r);
  }
  return out;
}

/** The `depends=` field of a module's .modinfo section: NUL-separated key=value strings. */
export function dependsOf(ko: Buffer): string[] {
  const at = ko.indexOf("\0depends=");
  if (at < 0) return [];
  const end = ko.indexOf(0, at + 1);
  return ko
    .toString("utf8", at + "\0depends=".length, end)
    .split(",")
    .filter(Boolean)
    .map((d) => d.replace(/-/g, "_"));
}

/** The modules' files, and per group the load order: "path [params]" lines, dependencies first. */
export type PickedModules = { entries: CpioEntry[]; loadOrder: Record<ModuleGroup, string> };

/** `modulesDir` is the unpacked lib/modules/<version> of the netboot initrd. */
export async function pickModules(modulesDir: string): Promise<PickedModules> {
  const version = path.basename(modulesDir);
  const byName = new Map((await walk(modulesDir)).map((f) => [moduleName(f), f]));
  const data = new Map<string, Buffer>();
  const visit = async (name: string, seen: Set<string>, order: string[]) => {
    const file = byName.get(name);
    if (!file || data.has(name) || seen.has(name)) return;
    seen.add(name);
    const ko = await readFile(path.join(modulesDir, file));
    for (const dep of dependsOf(ko)) await visit(dep, seen, order);
    data.set(name, ko);
    order.push(name);
  };
  const line = (name: string) => `${byName.get(name)}${PARAMS[name] ? ` ${PARAMS[name]}` : ""}\n`;
  const loadOrder = {} as Record<ModuleGroup, string>;
  for (const group of Object.keys(WANTED) as ModuleGroup[]) {
    const order: string[] = [];
    for (const name of WANTED[group]) await visit(name, new Set(), order);
    loadOrder[group] = order.map(line).join("");
  }
  const entries: CpioEntry[] = [...data.keys()].map((name) => ({
    path: `lib/modules/${version}/${byName.get(name)}`,
    type: "file",
    data: data.get(name)!,
  }));
  return { entries, loadOrder };
}
