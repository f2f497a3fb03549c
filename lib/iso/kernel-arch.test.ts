// Real Debian kernels of both architectures (debian-installer netboot packages) are told apart.
import { closeSync, existsSync, openSync, readSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kernelArch } from "./kernel-arch";

const DI = "/usr/lib/debian-installer/images/12";
const head = (file: string) => {
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(4096);
  readSync(fd, buf, 0, 4096, 0);
  closeSync(fd);
  return buf;
};

describe("kernelArch", () => {
  it.each([
    ["amd64", "x86_64"],
    ["arm64", "aarch64"],
  ])("Debian's %s netboot kernel is %s", (deb, arch) => {
    const file = `${DI}/${deb}/text/debian-installer/${deb}/linux`;
    expect(existsSync(file), `${file} (apt-get install debian-installer-12-netboot-${deb})`).toBe(true);
    expect(kernelArch(head(file))).toMatchObject({ arch, format: "pe" });
  });

  it("reads ELF machines (this Node binary)", () => {
    expect(kernelArch(head(process.execPath)).arch).toBe(process.arch === "arm64" ? "aarch64" : "x86_64");
  });

  it("refuses what it does not know", () => {
    expect(
      kernelArch(Buffer.from("not a kernel at all, just some text padding it out to sixty-four bytes..")),
    ).toMatchObject({ arch: null, format: "unknown" });
    const pe = Buffer.alloc(256);
    pe.write("MZ", 0);
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write("PE\0\0", 0x80, "latin1");
    pe.writeUInt16LE(0x14c, 0x84);
    expect(kernelArch(pe)).toMatchObject({ arch: null, reason: expect.stringMatching(/0x14c/) });
  });
});
