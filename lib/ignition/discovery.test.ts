// Every generated config validates against Ignition's official 3.4 JSON schema, and the override
// merges the way Ignition merges.

import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { PULL_SECRET, SSH_KEY } from "@/test/fixtures";
import { SHARED_DIR } from "@/test/shared-dir";
import { type DiscoveryInput, discoveryIgnition } from "./discovery";
import { EmbedTooLargeError, fitArea, ignitionArchive } from "./embed";

const schema = JSON.parse(readFileSync(path.join(SHARED_DIR, "reference/ignition/v3_4.schema.json"), "utf8"));

const validate = new Ajv({ allErrors: true }).compile(schema);

const base: DiscoveryInput = {
  infraEnvId: "6f2c1b1e-1111-4111-8111-111111111111",
  serviceUrl: "http://console.example.com:3000",
  agentToken: "tok_abc",
  cpuArchitecture: "aarch64",
  openshiftVersion: "4.14",
};

function expectValid(config: object) {
  const ok = validate(config);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

const files = (c: any) =>
  Object.fromEntries(
    c.storage.files.map((f: any) => [f.path, Buffer.from(f.contents.source.split(",")[1], "base64").toString()]),
  );

describe("discoveryIgnition", () => {
  it("minimal config is valid 3.4", () => {
    const c: any = discoveryIgnition(base);
    expectValid(c);
    expect(c.ignition).toEqual({ version: "3.4.0" });
    expect(JSON.parse(files(c)["/etc/assisted/agent.conf"])).toEqual({
      service_url: base.serviceUrl,
      infra_env_id: base.infraEnvId,
      cpu_architecture: "aarch64",
      openshift_version: "4.14",
    });
    expect(c.storage.files.find((f: any) => f.path === "/etc/assisted/agent-token").mode).toBe(0o600);
  });

  it("full config with keys, proxy, pull secret, NTP and static network is valid", () => {
    const c: any = discoveryIgnition({
      ...base,
      sshAuthorizedKey: `${SSH_KEY}\n# comment\n${SSH_KEY.replace("operator", "backup")}`,
      pullSecret: PULL_SECRET,
      proxy: { httpProxy: "http://proxy:3128", noProxy: ".local" },
      additionalNtpSources: "ntp1.example.com,10.0.0.1",
      staticNetworkConfig: [
        {
          network_yaml: "interfaces: []\n",
          mac_interface_map: [{ mac_address: "52:54:00:aa:bb:cc", logical_nic_name: "eth0" }],
        },
      ],
    });
    expectValid(c);
    expect(c.passwd.users[0].sshAuthorizedKeys).toHaveLength(2);
    const f = files(c);
    expect(f["/etc/systemd/system.conf.d/10-archway-proxy.conf"]).toContain("HTTP_PROXY=http://proxy:3128");
    expect(f["/etc/assisted/network/host0/mac_interface.ini"]).toBe("52:54:00:aa:bb:cc=eth0\n");
    expect(f["/root/.docker/config.json"]).toBe(PULL_SECRET);
    expect(c.systemd.units[0].contents).toContain('Environment="HTTP_PROXY=http://proxy:3128"');
    expect(c.systemd.units[0].contents).not.toContain("HTTPS_PROXY");
  });

  it("merges an override: same path replaced, new units added, SSH keys kept from both", () => {
    const override = {
      ignition: { version: "3.2.0" },
      passwd: { users: [{ name: "core", sshAuthorizedKeys: ["ssh-ed25519 AAAAextra x"] }] },
      storage: {
        files: [
          { path: "/etc/assisted/agent.conf", contents: { source: "data:,overridden" } },
          { path: "/etc/motd", contents: { source: "data:,hi" } },
        ],
      },
      systemd: { units: [{ name: "extra.service", enabled: true, contents: "[Service]\nExecStart=/bin/true\n" }] },
    };
    const c: any = discoveryIgnition({
      ...base,
      sshAuthorizedKey: SSH_KEY,
      ignitionConfigOverride: JSON.stringify(override),
    });
    expectValid(c);
    expect(c.ignition.version).toBe("3.4.0");
    expect(c.passwd.users).toHaveLength(1);
    expect(c.passwd.users[0].sshAuthorizedKeys).toEqual([SSH_KEY, "ssh-ed25519 AAAAextra x"]);
    expect(c.storage.files.filter((f: any) => f.path === "/etc/assisted/agent.conf")).toEqual([
      override.storage.files[0],
    ]);
    expect(c.storage.files.map((f: any) => f.path)).toContain("/etc/motd");
    expect(c.systemd.units.map((u: any) => u.name)).toEqual(["archway-agent.service", "extra.service"]);
  });

  it("an invalid override is caught by the schema (the API refuses it earlier)", () => {
    const c = discoveryIgnition({
      ...base,
      ignitionConfigOverride: JSON.stringify({ ignition: { version: "3.4.0" }, storage: { files: [{ path: 42 }] } }),
    });
    expect(validate(c)).toBe(false);
  });
});

describe("ignitionArchive", () => {
  it.each(["gzip", "xz"] as const)("%s: the system tools unpack config.ign from it", (compression) => {
    const config = discoveryIgnition(base);
    const archive = ignitionArchive(config, compression);
    expect(fitArea(archive, 256 * 1024)).toBe(archive);
    // The whole zero-filled area goes in, as a reader of the ISO would take it.
    const area = Buffer.concat([archive, Buffer.alloc(256 * 1024 - archive.length)]);
    const cpio = execFileSync(compression, ["-dc"], { input: area });
    const text = execFileSync("cpio", ["-i", "--to-stdout", "--quiet", "config.ign"], { input: cpio }).toString();
    expect(JSON.parse(text)).toEqual(config);
    if (compression === "xz") {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "xz-")), "a.xz");
      writeFileSync(file, archive);
      expect(execFileSync("xz", ["--robot", "--list", file]).toString()).toMatch(/\tCRC32\t/);
    }
  });

  it("refuses a config larger than the area", () => {
    const big = {
      ignition: { version: "3.4.0" },
      storage: {
        files: [{ path: "/x", contents: { source: `data:;base64,${randomBytes(300_000).toString("base64")}` } }],
      },
    };
    expect(() => fitArea(ignitionArchive(big), 256 * 1024)).toThrow(EmbedTooLargeError);
  });
});
