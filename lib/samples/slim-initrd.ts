// The sample ISOs' live root: busybox, glibc and the dynamic loader of one architecture, plus the
// NIC/disk drivers the agent needs, taken from Debian's netboot initrd, and the guest programs
// (lib/samples/guest/: /init, Ignition's files stage, DHCP, the discovery agent). The same root is
// the ISO's rootfs.img; the initrd adds that file's sha256, which a minimal ISO's /init checks
// the rootfs it fetches against.
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { createGunzip, gzip } from "node:zlib";
import { makeWorkDir } from "@/lib/files/partial";
import { type CpioEntry, writeCpio } from "@/lib/iso/cpio";
import { archProfile, type SampleArch } from "./arch-profiles";
import { guestFiles } from "./guest-files";
import { pickModules } from "./kernel-modules";

import { type Log, runTool } from "./run-tool";

const gzipAsync = promisify(gzip);

const APPLETS = [
  "sh",
  "mount",
  "cat",
  "echo",
  "uname",
  "sleep",
  "poweroff",
  "sync",
  "ls",
  "dmesg",
  "awk",
  "sed",
  "grep",
  "tr",
  "head",
  "cut",
  "wc",
  "dd",
  "date",
  "seq",
  "hostname",
  "ip",
  "udhcpc",
  "nc",
  "wget",
  "insmod",
  "lsmod",
  "mkdir",
  "mv",
  "rm",
  "chmod",
  "ln",
  "dirname",
  "basename",
  "base64",
  "gunzip",
  "zcat",
  "sha256sum",
  "printf",
  "test",
  "[",
  "true",
  "false",
  "ps",
  "kill",
  "touch",
];
const EMPTY_DIRS = ["dev", "proc", "sys", "run", "tmp", "etc", "var/lib"];
export const ROOTFS_SHA256_FILE = "etc/archway/rootfs.sha256";

/** Pulls the named members (cpio patterns) out of the (137 MB unpacked) d-i initrd into a work dir. */
async function withNetbootInitrd<T>(
  src: string,
  patterns: string[],
  use: (dir: string) => Promise<T>,
  log?: Log,
): Promise<T> {
  const dir = await makeWorkDir("initrd");
  try {
    const stdin = createReadStream(src).pipe(createGunzip());
    await runTool("cpio", ["-idm", "--quiet", "--no-absolute-filenames", ...patterns], { cwd: dir, stdin, log });
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function member(dir: string, src: string, m: string): Promise<Buffer> {
  try {
    return await readFile(path.join(dir, m));
  } catch {
    throw new Error(`${src} has no ${m}; is debian-installer-12-netboot intact?`);
  }
}

export type LiveImages = { initrd: Buffer; rootfs: Buffer };

/** gzip'd newc initrd and rootfs for `arch`, deterministic for a given Debian package and guest scripts. */
export async function buildLiveImages(arch: SampleArch, log?: Log): Promise<LiveImages> {
  const p = archProfile(arch);
  const src = path.join(p.netbootDir, "initrd.gz");
  const busybox = "bin/busybox";
  const libs = [`${p.libDir}/libc.so.6`, `${p.libDir}/${p.ldso}`];
  const root = await withNetbootInitrd(
    src,
    [busybox, ...libs, "lib/modules/*"],
    async (dir): Promise<CpioEntry[]> => {
      const versions = await readdir(path.join(dir, "lib/modules")).catch(() => []);
      if (versions.length !== 1) throw new Error(`${src} should hold one kernel's modules, not ${versions.length}`);
      const modules = await pickModules(path.join(dir, "lib/modules", versions[0]));
      return [
        ...EMPTY_DIRS.map((d): CpioEntry => ({ path: d, type: "dir" })),
        { path: busybox, type: "file", data: await member(dir, src, busybox), mode: 0o755 },
        ...APPLETS.map((a): CpioEntry => ({ path: `bin/${a}`, type: "symlink", target: "busybox" })),
        ...(await Promise.all(
          libs.map(
            async (l): Promise<CpioEntry> => ({ path: l, type: "file", data: await member(dir, src, l), mode: 0o755 }),
          ),
        )),
        { path: p.interpLink.path, type: "symlink", target: p.interpLink.target },
        { path: "dev/console", type: "chardev", major: 5, minor: 1, mode: 0o600 },
        { path: "dev/null", type: "chardev", major: 1, minor: 3, mode: 0o666 },
        ...modules.entries,
        ...Object.entries(modules.loadOrder).map(
          ([group, order]): CpioEntry => ({
            path: `etc/archway/modules.${group}`,
            type: "file",
            data: Buffer.from(order),
          }),
        ),
        ...(await guestFiles()),
      ];
    },
    log,
  );
  // On the thread pool: level 9 of both archives is ~5 s of CPU, which on the event loop held up
  // every request of a console building its samples at start.
  const rootfs = await gzipAsync(writeCpio(root), { level: 9 });
  const sha256 = createHash("sha256").update(rootfs).digest("hex");
  const initrd = await gzipAsync(
    writeCpio([...root, { path: ROOTFS_SHA256_FILE, type: "file", data: Buffer.from(`${sha256}\n`) }]),
    { level: 9 },
  );
  return { initrd, rootfs };
}

/** The initrd alone (sample images and recipes use it as a real root of that architecture). */
export async function buildSlimInitrd(arch: SampleArch, log?: Log): Promise<Buffer> {
  return (await buildLiveImages(arch, log)).initrd;
}
