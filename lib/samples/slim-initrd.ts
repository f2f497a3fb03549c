// The sample ISOs' initrd: busybox, glibc and the dynamic loader of one architecture taken from
// Debian's netboot initrd, plus an /init that reports what the ISO booted with and powers off.
import "server-only";
import { createReadStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { createGunzip, gzipSync } from "node:zlib";
import { makeWorkDir } from "@/lib/files/partial";
import { type CpioEntry, writeCpio } from "@/lib/iso/cpio";
import { archProfile, type SampleArch } from "./arch-profiles";
import { type Log, runTool } from "./run-tool";

// The QEMU harness (qemu-boot.ts) reads these markers off the serial console.
export const INIT_SCRIPT = `#!/bin/sh
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "ARCHWAY-INIT: arch=$(uname -m) kernel=$(uname -r) uptime=$(cat /proc/uptime)"
echo "ARCHWAY-CMDLINE: $(cat /proc/cmdline)"
if [ -f /config.ign ]; then
  echo "ARCHWAY-IGNITION-BEGIN"; cat /config.ign; echo; echo "ARCHWAY-IGNITION-END"
else
  echo "ARCHWAY-NO-IGNITION"
fi
sync
poweroff -f
`;

const APPLETS = ["sh", "mount", "cat", "echo", "uname", "sleep", "poweroff", "sync", "ls", "dmesg"];
const EMPTY_DIRS = ["dev", "proc", "sys", "run", "tmp", "etc"];

/** Pulls only the named members out of the (137 MB unpacked) d-i initrd, streaming it through cpio. */
async function extractFromNetbootInitrd(src: string, members: string[], log?: Log): Promise<Map<string, Buffer>> {
  const dir = await makeWorkDir("initrd");
  try {
    const stdin = createReadStream(src).pipe(createGunzip());
    await runTool("cpio", ["-idm", "--quiet", "--no-absolute-filenames", ...members], { cwd: dir, stdin, log });
    const files = new Map<string, Buffer>();
    for (const m of members) {
      try {
        files.set(m, await readFile(path.join(dir, m)));
      } catch {
        throw new Error(`${src} has no ${m}; is debian-installer-12-netboot intact?`);
      }
    }
    return files;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** gzip'd newc initrd for `arch`, deterministic for a given Debian package. */
export async function buildSlimInitrd(arch: SampleArch, log?: Log): Promise<Buffer> {
  const p = archProfile(arch);
  const busybox = "bin/busybox";
  const libs = [`${p.libDir}/libc.so.6`, `${p.libDir}/${p.ldso}`];
  const files = await extractFromNetbootInitrd(path.join(p.netbootDir, "initrd.gz"), [busybox, ...libs], log);
  const entries: CpioEntry[] = [
    ...EMPTY_DIRS.map((d): CpioEntry => ({ path: d, type: "dir" })),
    { path: busybox, type: "file", data: files.get(busybox)!, mode: 0o755 },
    ...APPLETS.map((a): CpioEntry => ({ path: `bin/${a}`, type: "symlink", target: "busybox" })),
    ...libs.map((l): CpioEntry => ({ path: l, type: "file", data: files.get(l)!, mode: 0o755 })),
    { path: p.interpLink.path, type: "symlink", target: p.interpLink.target },
    { path: "dev/console", type: "chardev", major: 5, minor: 1, mode: 0o600 },
    { path: "dev/null", type: "chardev", major: 1, minor: 3, mode: 0o666 },
    { path: "init", type: "file", data: Buffer.from(INIT_SCRIPT), mode: 0o755 },
  ];
  return gzipSync(writeCpio(entries), { level: 9 });
}
