// Foreign binaries really run: an aarch64 busybox prints aarch64 through the registered handler.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildSlimInitrd } from "@/lib/samples/slim-initrd";
import { ensureEmulation } from "./emulation";

describe("ensureEmulation", () => {
  it("is native for the host's architecture", async () => {
    expect(await ensureEmulation("x86_64", "x86_64")).toEqual({ native: true });
  });

  it("sets up aarch64 so a chroot of an arm64 root runs uname -m = aarch64", async () => {
    const e = await ensureEmulation("aarch64", "x86_64");
    expect(e).toMatchObject({ native: false, handler: "qemu-aarch64" });
    const root = mkdtempSync(path.join(tmpdir(), "emu-root-"));
    execFileSync("cpio", ["-idm", "--quiet", "--no-absolute-filenames"], {
      cwd: root,
      input: gunzipSync(await buildSlimInitrd("aarch64")),
    });
    const out = execFileSync("chroot", [root, "/bin/busybox", "uname", "-m"], { encoding: "utf8" });
    expect(out.trim()).toBe("aarch64");
  }, 60_000);
});
