// Boot test: the x86_64 and the aarch64 discovery ISO, as served, boot under QEMU (TCG; aarch64
// with AAVMF) and the config the API generated is at /config.ign in the guest.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as files from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/files/route";
import * as imageUrl from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/image-url/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import * as rootfs from "@/app/rootfs/[version]/[arch]/[file]/route";
import { db } from "@/lib/db";
import { bootIso } from "@/lib/samples/qemu-boot";
import { uniqueName } from "@/test/fixtures";
import { call } from "@/test/http";
import { fetchBaseImage, getIso, xorrisoExtract, xorrisoFiles } from "@/test/iso-helpers";

// Alone an aarch64 TCG boot takes ~15 s; beside the rest of the suite on 2 cores it has taken 90 s.
const BOOT_TIMEOUT_MS = 240_000;

const dir = mkdtempSync(path.join(tmpdir(), "boot-"));

describe.each([
  ["x86_64", "x86_64-uefi"],
  ["arm64", "aarch64-uefi"],
] as const)("a %s discovery ISO", (arch, mode) => {
  it(
    `boots (${mode}) and the guest sees the generated Ignition config`,
    async () => {
      await fetchBaseImage("4.14", arch === "arm64" ? "aarch64" : "x86_64");
      const created = await call(infraEnvs.POST, {
        method: "POST",
        body: {
          name: uniqueName("boot"),
          openshift_version: "4.14",
          cpu_architecture: arch,
          kernel_arguments: [{ operation: "append", value: "archway.boot=1" }],
        },
      });
      const id = created.body.id;
      const { url } = (await call(imageUrl.GET, { params: { infra_env_id: id } })).body;
      const iso = path.join(dir, `${arch}.iso`);
      writeFileSync(iso, (await getIso(url)).bytes);

      const boot = await bootIso({ iso, mode, timeoutMs: BOOT_TIMEOUT_MS });
      expect(boot.reachedInit, boot.log.slice(-2000)).toBe(true);
      expect(boot.arch).toBe(arch === "arm64" ? "aarch64" : "x86_64");
      expect(boot.cmdline).toContain("archway.boot=1");
      const expected = (await call(files.GET, { path: "/x?file_name=discovery.ign", params: { infra_env_id: id } }))
        .body;
      expect(JSON.parse(boot.ignition!)).toEqual(expected);
    },
    BOOT_TIMEOUT_MS + 60_000,
  );
});

describe("a minimal discovery ISO", () => {
  it(
    "leaves the rootfs out, points the kernel at the console's copy, and still boots with its config",
    async () => {
      await fetchBaseImage("4.14", "aarch64");
      const created = await call(infraEnvs.POST, {
        method: "POST",
        body: {
          name: uniqueName("mini"),
          openshift_version: "4.14",
          cpu_architecture: "arm64",
          image_type: "minimal-iso",
        },
      });
      const link = await call(imageUrl.GET, {
        path: "/x?image_type=minimal-iso",
        params: { infra_env_id: created.body.id },
      });
      expect(link.status).toBe(200);
      expect(new URL(link.body.url).pathname).toMatch(/\/minimal\.iso$/);
      const iso = path.join(dir, "minimal.iso");
      writeFileSync(iso, (await getIso(link.body.url)).bytes);
      expect(xorrisoFiles(iso)).not.toContain("/images/pxeboot/rootfs.img");
      expect(xorrisoFiles(iso)).toContain("/images/ignition.img");

      const boot = await bootIso({ iso, mode: "aarch64-uefi", timeoutMs: BOOT_TIMEOUT_MS });
      expect(boot.reachedInit, boot.log.slice(-2000)).toBe(true);
      const rootfsUrl = /coreos\.live\.rootfs_url=(\S+)/.exec(boot.cmdline ?? "")?.[1];
      expect(rootfsUrl).toMatch(/\/rootfs\/4\.14\/arm64\/rootfs\.img$/);
      const served = await call(rootfs.GET, {
        path: new URL(rootfsUrl!).pathname,
        params: { version: "4.14", arch: "arm64", file: "rootfs.img" },
      });
      expect(served.status).toBe(200);
      expect(
        served.bytes.equals(
          xorrisoExtract(
            (await db().baseImage.findFirstOrThrow({ where: { cpuArchitecture: "aarch64" } })).path!,
            "/images/pxeboot/rootfs.img",
          ),
        ),
      ).toBe(true);
      expect(JSON.parse(boot.ignition!).ignition.version).toBe("3.4.0");
    },
    BOOT_TIMEOUT_MS + 60_000,
  );
});
