// Archives we write are read back by GNU cpio itself.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeCpio } from "./cpio";

describe("writeCpio", () => {
  it("is a newc archive GNU cpio lists and extracts", () => {
    const archive = writeCpio([
      { path: "config.ign", type: "file", data: Buffer.from('{"ignition":{"version":"3.4.0"}}') },
      { path: "etc/assisted/agent.conf", type: "file", data: Buffer.from("x=1\n"), mode: 0o600 },
      { path: "bin/sh", type: "symlink", target: "busybox" },
    ]);
    expect(archive.subarray(0, 6).toString()).toBe("070701");
    const list = execFileSync("cpio", ["-t", "--quiet"], { input: archive, encoding: "utf8" }).trim().split("\n");
    expect(list).toEqual(["config.ign", "etc", "etc/assisted", "etc/assisted/agent.conf", "bin", "bin/sh"]);
    const dir = mkdtempSync(path.join(tmpdir(), "cpio-"));
    execFileSync("cpio", ["-id", "--quiet", "--no-absolute-filenames"], { input: archive, cwd: dir });
    expect(readFileSync(path.join(dir, "config.ign"), "utf8")).toBe('{"ignition":{"version":"3.4.0"}}');
    expect(statSync(path.join(dir, "etc/assisted/agent.conf")).mode & 0o777).toBe(0o600);
    expect(readlinkSync(path.join(dir, "bin/sh"))).toBe("busybox");
    expect(archive.length % 4).toBe(0);
  });
});
