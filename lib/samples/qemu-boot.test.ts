// Boots the sample ISOs under QEMU TCG in every firmware mode, pristine and with an Ignition
// config + extra kargs embedded the way the image service will: the embed mechanism end to end.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArch } from "@/lib/arch";
import { writeCpio } from "@/lib/iso/cpio";
import { locateEmbedAreas } from "@/lib/iso/embed-areas";
import { SAMPLE_ARCHES, type SampleArch } from "./arch-profiles";
import { defaultKargs, paddedKargs } from "./boot-configs";
import { type BootMode, bootIso } from "./qemu-boot";
import { buildSampleIso } from "./sample-iso";

// Alone an aarch64 TCG boot takes ~15 s; beside the rest of the suite on 2 cores it has taken 90 s.
// The limit only bounds a guest that never gets there.
const BOOT_TIMEOUT_MS = 240_000;
const dir = mkdtempSync(path.join(tmpdir(), "archway-qemu-boot-"));
const isoOf = (arch: SampleArch) => path.join(dir, `live-${arch}.iso`);

// Both ISOs build in seconds alone; beside the rest of the suite on 2 cores it has taken over a minute.
beforeAll(async () => {
  for (const arch of SAMPLE_ARCHES) await buildSampleIso({ arch, out: isoOf(arch) });
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODES: { mode: BootMode; arch: SampleArch }[] = [
  { mode: "x86_64-bios", arch: "x86_64" },
  { mode: "x86_64-uefi", arch: "x86_64" },
  { mode: "aarch64-uefi", arch: "aarch64" },
];

describe.each(MODES)("$mode", ({ mode, arch }) => {
  it(
    "reaches the initrd's /init on the right CPU with the default kargs and no Ignition config",
    async () => {
      const boot = await bootIso({ iso: isoOf(arch), mode, timeoutMs: BOOT_TIMEOUT_MS });
      console.log(`${mode}: /init after ${boot.seconds} s`);
      expect(boot.reachedInit, boot.log.slice(-3000)).toBe(true);
      expect(parseArch(boot.arch!)).toBe(arch);
      expect(boot.cmdline).toContain(defaultKargs(arch));
      expect(boot.ignition).toBeNull();
      expect(boot.timedOut).toBe(false);
    },
    BOOT_TIMEOUT_MS + 10_000,
  );
});

it(
  "hands an embedded Ignition config and embedded kargs to the guest (x86_64, BIOS)",
  async () => {
    const iso = path.join(dir, "embedded-x86_64.iso");
    copyFileSync(isoOf("x86_64"), iso);
    const config =
      '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/etc/hostname","contents":{"source":"data:,archway-embed"}}]}}';
    const kargs = `${defaultKargs("x86_64")} archway.embed=ok`;
    const fh = await open(iso, "r+");
    try {
      const { ignition, kargs: kargAreas } = await locateEmbedAreas(fh);
      const archive = gzipSync(writeCpio([{ path: "config.ign", type: "file", data: Buffer.from(config) }]));
      expect(archive.length).toBeLessThan(ignition.length);
      const area = Buffer.alloc(ignition.length); // the zero tail is part of the area
      archive.copy(area);
      await fh.write(area, 0, area.length, ignition.offset);
      for (const a of kargAreas!.areas)
        await fh.write(Buffer.from(paddedKargs(kargs, kargAreas!.size)), 0, kargAreas!.size, a.offset);
    } finally {
      await fh.close();
    }
    const boot = await bootIso({ iso, mode: "x86_64-bios", timeoutMs: BOOT_TIMEOUT_MS });
    console.log(`x86_64-bios with embedded config: /init after ${boot.seconds} s`);
    expect(boot.reachedInit, boot.log.slice(-3000)).toBe(true);
    expect(boot.ignition).toBe(config);
    expect(boot.cmdline).toContain(kargs);
  },
  BOOT_TIMEOUT_MS + 10_000,
);

it("kills QEMU and says so when the guest does not finish in time", async () => {
  const boot = await bootIso({ iso: isoOf("x86_64"), mode: "x86_64-bios", timeoutMs: 1_500 });
  expect(boot.timedOut).toBe(true);
  expect(boot.reachedInit).toBe(false);
  expect(boot.seconds).toBeLessThan(10);
  // Nothing of that boot is left running.
  expect(() => execFileSync("pgrep", ["-f", isoOf("x86_64")])).toThrow();
});
