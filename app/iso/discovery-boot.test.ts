// Boot tests: the x86_64 and aarch64 discovery ISOs, full and minimal, downloaded over HTTP exactly
// as the console serves them, boot under QEMU (TCG) with user networking that reaches only the
// console (guestfwd to its port, ARCHWAY_AGENT_URL set to that guest-side address). The sample
// live root applies the embedded Ignition, brings the network up with DHCP, fetches the rootfs
// when minimal, and its discovery agent registers the host; the test waits until the host shows
// through the API with the guest's real architecture and inventory.
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArch } from "@/lib/arch";
import { resetEnvForTests } from "@/lib/env";
import type { Inventory } from "@/lib/hosts/inventory";
import { type BootMode, bootIso } from "@/lib/samples/qemu-boot";
import { CONSOLE_GUEST_ADDRESS } from "@/lib/samples/qemu-command";
import { uniqueName } from "@/test/fixtures";
import { tokenFor } from "@/test/http";
import { fetchBaseImage } from "@/test/iso-helpers";
import { type RouteServer, startRouteServer } from "@/test/route-server";

const CPUS = 2;
const MEMORY_MIB = 1024;
const DISK_BYTES = 120 * 1000 ** 3;
/** From QEMU starting to the host's inventory in the API (the budgets, on a 2-core machine). */
const BUDGET_SECONDS = { x86_64: 90, arm64: 180 } as const;

const dir = mkdtempSync(path.join(tmpdir(), "boot-"));
let server: RouteServer;
let savedAgentUrl: string | undefined;

beforeAll(async () => {
  server = await startRouteServer();
  // Transformed once up front, so the guest's first check-in does not wait for the test's bundler.
  await server.load("/api/assisted-install/v2/infra-envs/x/hosts/x/instructions");
  savedAgentUrl = process.env.ARCHWAY_AGENT_URL;
  process.env.ARCHWAY_AGENT_URL = `http://${CONSOLE_GUEST_ADDRESS}:${server.port}`;
  resetEnvForTests();
});

afterAll(async () => {
  if (savedAgentUrl === undefined) delete process.env.ARCHWAY_AGENT_URL;
  else process.env.ARCHWAY_AGENT_URL = savedAgentUrl;
  resetEnvForTests();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api(method: string, pathname: string, body?: unknown) {
  const res = await fetch(`${server.url}${pathname}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor("operator")}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

type Host = { id: string; status: string; inventory: string; validations_info: string; requested_hostname: string };

// x86_64 boots from BIOS: OVMF alone takes tens of seconds under TCG (qemu-boot.test.ts boots the
// sample in every firmware mode).
const CASES: { arch: "x86_64" | "arm64"; mode: BootMode; imageType: "full-iso" | "minimal-iso" }[] = [
  { arch: "x86_64", mode: "x86_64-bios", imageType: "full-iso" },
  { arch: "x86_64", mode: "x86_64-bios", imageType: "minimal-iso" },
  { arch: "arm64", mode: "aarch64-uefi", imageType: "full-iso" },
  { arch: "arm64", mode: "aarch64-uefi", imageType: "minimal-iso" },
];

describe.each(CASES)("a $arch $imageType booted in $mode", ({ arch, mode, imageType }) => {
  const budget = BUDGET_SECONDS[arch];
  it(
    `registers its host with the real architecture and inventory within ${budget} s`,
    async () => {
      const uname = arch === "arm64" ? "aarch64" : "x86_64";
      await fetchBaseImage("4.14", uname);
      const infraEnv = await api("POST", "/api/assisted-install/v2/infra-envs", {
        name: uniqueName("boot"),
        openshift_version: "4.14",
        cpu_architecture: arch,
        image_type: imageType,
        kernel_arguments: [{ operation: "append", value: "archway.boot=1" }],
      });
      const base = `/api/assisted-install/v2/infra-envs/${infraEnv.id}`;
      const link = await api("GET", `${base}/downloads/image-url?image_type=${imageType}`);
      const iso = path.join(dir, `${arch}-${imageType}.iso`);
      const download = await fetch(`${server.url}${new URL(link.url).pathname}`);
      expect(download.status).toBe(200);
      await pipeline(Readable.fromWeb(download.body as never), createWriteStream(iso));

      const hostname = `${uname.replace("_", "-")}-${imageType.replace("-iso", "")}`;
      const stop = new AbortController();
      let serial = "";
      const started = performance.now();
      const booting = bootIso({
        iso,
        mode,
        timeoutMs: (budget + 30) * 1000,
        signal: stop.signal,
        onOutput: (t) => {
          serial += t;
        },
        hardware: {
          console: { guestPort: server.port, hostPort: server.port, hostname },
          diskBytes: DISK_BYTES,
          cpus: CPUS,
          memoryMiB: MEMORY_MIB,
        },
      });
      let host: Host | undefined;
      let exited = false;
      void booting.finally(() => {
        exited = true;
      });
      while (!exited && performance.now() - started < budget * 1000) {
        const hosts: Host[] = await api("GET", `${base}/hosts`);
        host = hosts.find((h) => h.inventory);
        if (host) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      stop.abort();
      const boot = await booting;
      const log = boot.log.slice(-4000);
      console.log(`${arch} ${imageType} (${mode}): host inventory in the API after ${seconds} s`);
      expect(host, `no host with an inventory after ${seconds} s; serial console:\n${log}`).toBeDefined();
      expect(seconds).toBeLessThanOrEqual(budget);

      // What the guest booted with: the kargs and the very Ignition config the API generated.
      expect(boot.arch).toBe(uname);
      expect(boot.cmdline).toContain("archway.boot=1");
      const ignition = await api("GET", `${base}/downloads/files?file_name=discovery.ign`);
      expect(JSON.parse(boot.ignition!)).toEqual(ignition);
      expect(serial).toMatch(new RegExp(`ARCHWAY-AGENT: \\[[0-9.]+\\] registered host ${host!.id}`));
      if (imageType === "minimal-iso") {
        // No rootfs on the ISO: the guest fetched it from the console and checked it.
        expect(boot.cmdline).toContain(`coreos.live.rootfs_url=${process.env.ARCHWAY_AGENT_URL}/rootfs/4.14/${arch}/`);
        expect(server.requests).toContain(`GET /rootfs/4.14/${arch}/rootfs.img 200`);
        expect(serial).toMatch(/ARCHWAY-ROOTFS: fetched \S+ \(\d+ bytes, sha256 matches\)/);
      }

      const inv: Inventory = JSON.parse(host!.inventory);
      expect(inv.cpu.architecture).toBe(uname);
      expect(parseArch(inv.cpu.architecture)).toBe(parseArch(arch));
      expect(inv.cpu.count).toBe(CPUS);
      // What the kernel counted at boot: a little under the VM's RAM on x86_64, a little over on aarch64.
      expect(inv.memory.physical_bytes).toBeGreaterThan(0.9 * MEMORY_MIB * 1024 ** 2);
      expect(inv.memory.physical_bytes).toBeLessThan(1.1 * MEMORY_MIB * 1024 ** 2);
      expect(inv.hostname).toBe(hostname);
      expect(inv.boot?.current_boot_mode).toBe(mode.endsWith("bios") ? "bios" : "uefi");
      expect(inv.system_vendor?.virtual).toBe(true);
      expect(inv.disks).toContainEqual(
        expect.objectContaining({ name: "sda", size_bytes: DISK_BYTES, removable: false, read_only: false }),
      );
      expect(inv.interfaces).toContainEqual(
        expect.objectContaining({ mac_address: expect.stringMatching(/^52:54:00:/), ipv4_addresses: ["10.0.2.15/24"] }),
      );
      const validations = Object.values(JSON.parse(host!.validations_info)).flat() as { id: string; status: string }[];
      expect(validations).toContainEqual(
        expect.objectContaining({ id: "cpu-architecture-compatible", status: "success" }),
      );
      expect(validations).toContainEqual(expect.objectContaining({ id: "has-min-valid-disks", status: "success" }));
    },
    (budget + 120) * 1000,
  );
});
