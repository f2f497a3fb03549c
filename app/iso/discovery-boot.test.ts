// Boot test: the x86_64 and the aarch64 discovery ISO, as served, boot under QEMU (TCG; aarch64
// with AAVMF) and the config the API generated is at /config.ign in the guest.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bootIso } from "@/lib/os-images/qemu-boot";
import { uniqueName } from "@/test/fixtures";
import { call } from "@/test/http";
import { fetchBaseImage, getIso } from "@/test/iso-helpers";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import * as imageUrl from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/image-url/route";
import * as files from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/files/route";

const dir = mkdtempSync(path.join(tmpdir(), "boot-"));

describe.each([
  ["x86_64", "x86_64-uefi"],
  ["arm64", "aarch64-uefi"],
] as const)("a %s discovery ISO", (arch, mode) => {
  it(`boots (${mode}) and the guest sees the generated Ignition config`, async () => {
    await fetchBaseImage("4.14", arch === "arm64" ? "aarch64" : "x86_64");
    const created = await call(infraEnvs.POST, { method: "POST", body: { name: uniqueName("boot"), openshift_version: "4.14", cpu_architecture: arch, kernel_arguments: [{ operation: "append", value: "archway.boot=1" }] } });
    const id = created.body.id;
    const { url } = (await call(imageUrl.GET, { params: { infra_env_id: id } })).body;
    const iso = path.join(dir, `${arch}.iso`);
    writeFileSync(iso, (await getIso(url)).bytes);

    const boot = await bootIso({ iso, mode, timeoutMs: 120_000 });
    expect(boot.reachedInit, boot.log.slice(-2000)).toBe(true);
    expect(boot.arch).toBe(arch === "arm64" ? "aarch64" : "x86_64");
    expect(boot.cmdline).toContain("archway.boot=1");
    const expected = (await call(files.GET, { path: "/x?file_name=discovery.ign", params: { infra_env_id: id } })).body;
    expect(JSON.parse(boot.ignition!)).toEqual(expected);
  }, 180_000);
});
