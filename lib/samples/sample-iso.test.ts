// Builds both sample live ISOs with the real Debian tools and reads them back with xorriso and
// lib/iso's reader: layout, embed areas (current and legacy), kernel arch, partition tables.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateEmbedAreas } from "@/lib/iso/embed-areas";
import { findPath, readAt, readFileAt } from "@/lib/iso/iso9660";
import { kernelArch } from "@/lib/iso/kernel-arch";
import { archProfile, SAMPLE_ARCHES, type SampleArch } from "./arch-profiles";
import { missingTools } from "./prerequisites";
import { type BuiltIso, buildSampleIso } from "./sample-iso";

const dir = mkdtempSync(path.join(tmpdir(), "archway-sample-iso-"));
const built = {} as Record<SampleArch, BuiltIso & { seconds: number }>;

const COMMON = [
  "/.cmdline",
  "/EFI/redhat/grub.cfg",
  "/coreos/igninfo.json",
  "/coreos/kargs.json",
  "/images/efiboot.img",
  "/images/ignition.img",
  "/images/pxeboot/initrd.img",
  "/images/pxeboot/rootfs.img",
  "/images/pxeboot/vmlinuz",
];
const EXPECTED: Record<SampleArch, string[]> = {
  x86_64: [
    ...COMMON,
    "/EFI/BOOT/BOOTX64.EFI",
    "/isolinux/isolinux.bin",
    "/isolinux/isolinux.cfg",
    "/isolinux/ldlinux.c32",
  ],
  aarch64: [...COMMON, "/EFI/BOOT/BOOTAA64.EFI", "/debian-installer/arm64/grub/grub.cfg"],
};

// Both ISOs build in seconds alone; beside the rest of the suite on 2 cores it has taken over a minute.
beforeAll(async () => {
  for (const arch of SAMPLE_ARCHES) {
    const started = Date.now();
    const result = await buildSampleIso({ arch, out: path.join(dir, `live-${arch}.iso`) });
    built[arch] = { ...result, seconds: (Date.now() - started) / 1000 };
  }
  console.log(
    SAMPLE_ARCHES.map((a) => `${a}: ${built[a].sizeBytes} bytes in ${built[a].seconds.toFixed(1)} s`).join("; "),
  );
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withIso<T>(arch: SampleArch, fn: (fh: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const fh = await open(built[arch].out);
  try {
    return await fn(fh);
  } finally {
    await fh.close();
  }
}

describe.each(SAMPLE_ARCHES)("%s sample ISO", (arch) => {
  it("is written where asked, with no partial file left beside it", () => {
    expect(built[arch].out).toBe(path.join(dir, `live-${arch}.iso`));
    expect(readdirSync(dir).filter((f) => f.includes(arch))).toEqual([`live-${arch}.iso`]);
    expect(built[arch].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("holds the CoreOS live layout, per xorriso", () => {
    const out = execFileSync("xorriso", ["-indev", built[arch].out, "-find", "/", "-type", "f"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const files = out
      .trim()
      .split("\n")
      .map((l) => l.replace(/^'|'$/g, ""));
    expect(files.sort()).toEqual([...EXPECTED[arch]].sort());
  });

  it("has a pristine 256 KiB Ignition area where igninfo.json says", () =>
    withIso(arch, async (fh) => {
      const { ignition } = await locateEmbedAreas(fh);
      const img = await findPath(fh, "images/ignition.img");
      expect(JSON.parse((await readFileAt(fh, "coreos/igninfo.json"))!.toString())).toEqual({
        file: "images/ignition.img",
      });
      expect(ignition).toEqual({ offset: img!.offset, length: 256 * 1024, source: "igninfo.json" });
      expect((await readAt(fh, ignition.offset, ignition.length)).every((b) => b === 0)).toBe(true);
    }));

  it("has karg areas holding the default kargs in every boot config", () =>
    withIso(arch, async (fh) => {
      const { kargs } = await locateEmbedAreas(fh);
      expect(kargs!.source).toBe("kargs.json");
      expect(kargs!.defaultKargs).toContain(`coreos.liveiso=archway-live-${arch}`);
      expect(kargs!.defaultKargs).toMatch(/ignition\.firstboot ignition\.platform\.id=metal panic=10$/);
      expect(kargs!.areas.map((a) => a.file)).toEqual(
        archProfile(arch).bios ? ["EFI/redhat/grub.cfg", "isolinux/isolinux.cfg"] : ["EFI/redhat/grub.cfg"],
      );
      for (const area of kargs!.areas) {
        const text = (await readAt(fh, area.offset, kargs!.size + 25)).toString();
        expect(text).toBe(
          `${kargs!.defaultKargs}\n${"#".repeat(kargs!.size - kargs!.defaultKargs.length - 1)}# COREOS_KARG_EMBED_AREA\n`,
        );
      }
    }));

  it("has legacy coreKarg/coreiso+ headers agreeing with igninfo.json and kargs.json", () =>
    withIso(arch, async (fh) => {
      const kargsDoc = JSON.parse((await readFileAt(fh, "coreos/kargs.json"))!.toString()) as {
        size: number;
        files: { path: string; offset: number }[];
      };
      const ignInfo = JSON.parse((await readFileAt(fh, "coreos/igninfo.json"))!.toString()) as { file: string };
      const img = (await findPath(fh, ignInfo.file))!;
      const iso = await readAt(fh, 32744, 24);
      expect(iso.toString("latin1", 0, 8)).toBe("coreiso+");
      expect([Number(iso.readBigUInt64LE(8)), Number(iso.readBigUInt64LE(16))]).toEqual([img.offset, img.size]);
      const karg = await readAt(fh, 32672, 72);
      expect(karg.toString("latin1", 0, 8)).toBe("coreKarg");
      const u64 = (i: number) => Number(karg.readBigUInt64LE(8 + i * 8));
      expect(u64(0)).toBe(kargsDoc.size);
      expect(u64(1)).toBe((await findPath(fh, ".cmdline"))!.offset);
      const expectedAreas = await Promise.all(
        kargsDoc.files.map(async (f) => (await findPath(fh, f.path))!.offset + f.offset),
      );
      expect([2, 3, 4, 5, 6, 7].map(u64)).toEqual([...expectedAreas, ...Array(6 - expectedAreas.length).fill(0)]);
    }));

  it("boots the Debian kernel of its own architecture, with a slim initrd of the same", () =>
    withIso(arch, async (fh) => {
      const kernel = (await findPath(fh, "images/pxeboot/vmlinuz"))!;
      expect(kernelArch(await readAt(fh, kernel.offset, 4096)).arch).toBe(arch);
      const initrd = gunzipSync((await readFileAt(fh, "images/pxeboot/initrd.img", 8 << 20))!);
      const names = execFileSync("cpio", ["-t", "--quiet"], { input: initrd, encoding: "utf8" }).trim().split("\n");
      expect(names).toEqual(expect.arrayContaining(["init", "bin/busybox", "bin/sh", "dev/console"]));
      expect(initrd.includes("ARCHWAY-IGNITION-BEGIN")).toBe(true);
      const busybox = execFileSync("cpio", ["-i", "--quiet", "--to-stdout", "bin/busybox"], {
        input: initrd,
        maxBuffer: 8 << 20,
      });
      expect(kernelArch(busybox.subarray(0, 64)).arch).toBe(arch); // ELF e_machine
    }));

  it("carries the discovery agent, the NIC and disk drivers, and the sha256 of its rootfs.img", () =>
    withIso(arch, async (fh) => {
      const initrd = gunzipSync((await readFileAt(fh, "images/pxeboot/initrd.img", 16 << 20))!);
      const rootfs = (await readFileAt(fh, "images/pxeboot/rootfs.img", 16 << 20))!;
      const read = (cpio: Buffer, name: string) =>
        execFileSync("cpio", ["-i", "--quiet", "--to-stdout", name], { input: cpio, maxBuffer: 16 << 20 });
      const names = execFileSync("cpio", ["-t", "--quiet"], { input: initrd, encoding: "utf8", maxBuffer: 16 << 20 });
      for (const f of ["usr/bin/archway-agent", "usr/lib/archway/json-flat.awk", "usr/share/udhcpc/default.script"])
        expect(names).toContain(f);
      for (const applet of ["nc", "udhcpc", "insmod", "awk", "wget", "sha256sum"])
        expect(names).toContain(`bin/${applet}`);
      // Each listed driver is in the initrd, dependencies before what needs them.
      const network = read(initrd, "etc/archway/modules.network").toString();
      const storage = read(initrd, "etc/archway/modules.storage").toString();
      const paths = `${network}${storage}`
        .trim()
        .split("\n")
        .map((l) => l.split(" ")[0]);
      expect(paths.map((p) => p.split("/").pop())).toEqual(
        expect.arrayContaining(["virtio_net.ko", "virtio_pci.ko", "usb-storage.ko", "sd_mod.ko"]),
      );
      const at = (ko: string) => paths.findIndex((p) => p.endsWith(`/${ko}`));
      expect(at("net_failover.ko")).toBeLessThan(at("virtio_net.ko"));
      expect(at("scsi_mod.ko")).toBeLessThan(at("sd_mod.ko"));
      for (const p of paths)
        expect(names).toMatch(new RegExp(`^lib/modules/[^/]+/${p.replace(/[.+]/g, "\\$&")}$`, "m"));
      // rootfs.img is the same live root (what a minimal ISO fetches), checked against the initrd's sha256.
      const sha = createHash("sha256").update(rootfs).digest("hex");
      expect(read(initrd, "etc/archway/rootfs.sha256").toString().trim()).toBe(sha);
      expect(read(gunzipSync(rootfs), "usr/bin/archway-agent").equals(read(initrd, "usr/bin/archway-agent"))).toBe(
        true,
      );
    }));

  it(
    archProfile(arch).bios
      ? "is hybrid: an MBR and a 128-entry GPT (isohybrid --uefi)"
      : "has no partition table, like RHCOS aarch64",
    () =>
      withIso(arch, async (fh) => {
        const head = await readAt(fh, 0, 1024);
        if (archProfile(arch).bios) {
          expect(head.readUInt16LE(510)).toBe(0xaa55);
          expect(head.toString("latin1", 512, 520)).toBe("EFI PART");
          expect(head.readUInt32LE(512 + 80)).toBe(128);
        } else {
          expect(head.readUInt16LE(510)).toBe(0);
          expect(head.toString("latin1", 512, 520)).not.toBe("EFI PART");
        }
      }),
  );
});

it("needs no more Debian packages on this machine", () => {
  for (const arch of SAMPLE_ARCHES) expect(missingTools(arch)).toEqual([]);
});

// x86_64 is not: isohybrid picks random MBR/GPT ids and grub-mkstandalone dates its memdisk.
it("builds the aarch64 ISO byte-for-byte reproducibly", async () => {
  const again = await buildSampleIso({ arch: "aarch64", out: path.join(dir, "again-aarch64.iso") });
  expect(again.sha256).toBe(built.aarch64.sha256);
});

it("rejects an architecture it cannot build, without writing anything", async () => {
  const out = path.join(dir, "live-s390x.iso");
  await expect(buildSampleIso({ arch: "s390x" as SampleArch, out })).rejects.toThrow(
    /No sample live ISO for architecture "s390x"/,
  );
  expect(existsSync(out)).toBe(false);
});
