// Turns the slim busybox root (lib/os-images/slim-initrd.ts) into a root a build or
// customization script can use: one symlink per applet of Debian's d-i busybox.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { symlink } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { SampleArch } from "@/lib/samples/arch-profiles";
import { buildSlimInitrd } from "@/lib/samples/slim-initrd";

// `busybox --list` of debian-installer-12's busybox (the same build for amd64 and arm64).
const APPLETS =
  "[ [[ ar arch ash awk base64 basename bzcat cat chmod chown cmp cp crc32 cut date dd df dirname echo egrep env expr false fgrep find free grep groups gunzip head hostname id kill less ln ls md5sum mkdir mknod mktemp more mv printf ps pwd readlink realpath rm rmdir sed seq sh sha1sum sha256sum sha512sum sleep sort stty sync tail tar test touch tr true tty uname uniq unxz wc xzcat zcat".split(
    " ",
  );

/** Unpacks a real root of `arch` into `root` (an existing, empty directory). */
export async function unpackBusyboxRoot(arch: SampleArch, root: string, log?: (l: string) => void): Promise<void> {
  const cpio = await promisify(gunzip)(await buildSlimInitrd(arch, log));
  // GNU cpio unpacks it as the kernel would; device nodes need root and are skipped without it.
  await new Promise<void>((resolve, reject) => {
    const child = execFile("cpio", ["-idm", "--quiet", "--no-absolute-filenames"], { cwd: root }, (err) =>
      err && !/mknod|Operation not permitted/.test(String(err)) ? reject(err) : resolve(),
    );
    child.stdin!.end(cpio);
  });
  for (const applet of APPLETS) {
    const link = path.join(root, "bin", applet);
    if (!existsSync(link)) await symlink("busybox", link);
  }
}
