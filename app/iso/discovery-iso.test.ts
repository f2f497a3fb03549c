// The discovery ISO end to end against real files: base ISOs built and fetched by the real job,
// links issued by the API, bytes served by the ISO route, read back with xorriso, gzip and cpio.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as files from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/files/route";
import * as imageUrl from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/image-url/route";
import * as regenerate from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/regenerate-signing-key/route";
import * as infraEnvOne from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import * as isoRoute from "@/app/iso/[token]/[version]/[arch]/[file]/route";
import { sourcesChanged } from "@/lib/base-images/generation";
import { startFetch } from "@/lib/base-images/service";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { signToken } from "@/lib/infra-envs/download-tokens";
import { pendingDigest } from "@/lib/infra-envs/downloads";
import { kernelArch } from "@/lib/iso/kernel-arch";
import { unseal } from "@/lib/secrets/secrets";
import { PULL_SECRET, SSH_KEY, uniqueName } from "@/test/fixtures";
import { call } from "@/test/http";
import { fetchBaseImage, getIso, isoParams, xorrisoExtract, xorrisoFiles } from "@/test/iso-helpers";

const dir = mkdtempSync(path.join(tmpdir(), "discovery-"));
const override = JSON.stringify({
  ignition: { version: "3.2.0" },
  storage: { files: [{ path: "/etc/motd", contents: { source: "data:,hello%20arm" } }] },
});

async function newInfraEnv(arch: string) {
  const res = await call(infraEnvs.POST, {
    method: "POST",
    body: {
      name: uniqueName(`iso-${arch}`),
      openshift_version: "4.14",
      cpu_architecture: arch,
      ssh_authorized_key: SSH_KEY,
      pull_secret: PULL_SECRET,
      ignition_config_override: override,
      kernel_arguments: [{ operation: "append", value: "rd.archway=1" }],
    },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const ask = (id: string) =>
  call(imageUrl.GET, { path: `/api/x/${id}/downloads/image-url`, params: { infra_env_id: id } });

/** A link whose sha256 is known: the first answer comes before the digest, a later one has it. */
async function link(id: string) {
  const first = await ask(id);
  if (first.status !== 200 || first.body.sha256) return first;
  await pendingDigest(id);
  return ask(id);
}

let armId: string;
let armUrl: { url: string; size_bytes: number; sha256: string; expires_at: string };
let armIso: Buffer;
const armFile = path.join(dir, "arm.iso");

beforeAll(async () => {
  await fetchBaseImage("4.14", "aarch64");
  armId = await newInfraEnv("arm64");
  const res = await link(armId);
  expect(res.status).toBe(200);
  armUrl = res.body;
  const iso = await getIso(armUrl.url);
  expect(iso.status).toBe(200);
  armIso = iso.bytes;
  writeFileSync(armFile, armIso);
}, 120_000);

describe("an arm64 discovery ISO", () => {
  it("answers with a link at once, the sha256 following once computed", async () => {
    await db().infraEnv.update({
      where: { id: armId },
      data: { kernelArguments: [{ operation: "append", value: "rd.fresh=1" }] },
    });
    const first = await ask(armId);
    expect(first.status).toBe(200);
    expect(first.body.sha256).toBeNull();
    expect(first.body.size_bytes).toBe(armUrl.size_bytes);
    const later = await link(armId);
    expect(later.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    await db().infraEnv.update({
      where: { id: armId },
      data: { kernelArguments: [{ operation: "append", value: "rd.archway=1" }] },
    });
    expect((await link(armId)).body.sha256).toBe(armUrl.sha256);
  });

  it("has a short URL, an expiry about 4 h out, and the size and sha256 of what is served", () => {
    expect(new URL(armUrl.url).pathname).toMatch(/^\/iso\/[\w.-]+\/4\.14\/arm64\/full\.iso$/);
    expect(new URL(armUrl.url).search).toBe("");
    const hours = (Date.parse(armUrl.expires_at) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4);
    expect(armIso.length).toBe(armUrl.size_bytes);
    expect(createHash("sha256").update(armIso).digest("hex")).toBe(armUrl.sha256);
  });

  it("holds the same files as the base ISO and an aarch64 kernel", async () => {
    const base = await db().baseImage.findFirstOrThrow({ where: { cpuArchitecture: "aarch64", status: "ready" } });
    expect(xorrisoFiles(armFile)).toEqual(xorrisoFiles(base.path!));
    expect(kernelArch(xorrisoExtract(armFile, "/images/pxeboot/vmlinuz").subarray(0, 4096)).arch).toBe("aarch64");
  });

  it("embeds exactly the config the API generates, with the override merged", async () => {
    const area = xorrisoExtract(armFile, "/images/ignition.img");
    const cpio = execFileSync("gzip", ["-dc"], { input: area });
    const config = JSON.parse(
      execFileSync("cpio", ["-i", "--to-stdout", "--quiet", "config.ign"], { input: cpio }).toString(),
    );
    const api = await call(files.GET, { path: `/x?file_name=discovery.ign`, params: { infra_env_id: armId } });
    expect(api.status).toBe(200);
    expect(config).toEqual(api.body);
    expect(config.passwd.users[0].sshAuthorizedKeys).toEqual([SSH_KEY]);
    expect(config.storage.files.map((f: { path: string }) => f.path)).toContain("/etc/motd");
    expect(
      JSON.parse(Buffer.from(config.storage.files[0].contents.source.split(",")[1], "base64").toString()),
    ).toMatchObject({ infra_env_id: armId, cpu_architecture: "aarch64" });
  });

  it("boots with the infra-env's kernel arguments in every karg area", () => {
    const grub = xorrisoExtract(armFile, "/EFI/redhat/grub.cfg").toString();
    expect(grub).toMatch(/ignition\.platform\.id=metal panic=10 rd\.archway=1\n#+# COREOS_KARG_EMBED_AREA/);
  });

  it("answers ranges that stitch back to the whole, HEAD like GET, and 416 past the end", async () => {
    const size = armIso.length;
    const cuts = [0, 1, 32_767, 1_000_000, size - 2, size];
    const parts: Buffer[] = [];
    for (let i = 0; i < cuts.length - 1; i++) {
      const r = await getIso(armUrl.url, { range: `bytes=${cuts[i]}-${cuts[i + 1] - 1}` });
      expect(r.status).toBe(206);
      expect(r.headers.get("content-range")).toBe(`bytes ${cuts[i]}-${cuts[i + 1] - 1}/${size}`);
      parts.push(r.bytes);
    }
    expect(Buffer.concat(parts).equals(armIso)).toBe(true);
    const head = await getIso(armUrl.url, {}, "HEAD");
    const get = await getIso(armUrl.url, { range: "bytes=0-0" });
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    for (const h of ["etag", "last-modified", "content-disposition", "accept-ranges", "content-type"])
      expect(head.headers.get(h), h).toBe(get.headers.get(h));
    expect(head.headers.get("content-length")).toBe(String(size));
    expect(head.headers.get("content-disposition")).toMatch(
      /^attachment; filename="discovery_image_iso-arm64-[\w-]+\.iso"$/,
    );
    const past = await getIso(armUrl.url, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${size}`);
    expect((await getIso(armUrl.url, { "if-none-match": head.headers.get("etag")! })).status).toBe(304);
  });

  it("refuses forged, mismatched and revoked links alike (404, same message)", async () => {
    const { token, version } = isoParams(armUrl.url);
    const forged = armUrl.url.replace(token, token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"));
    const wrongArch = armUrl.url.replace("/arm64/", "/x86_64/");
    const wrongVersion = armUrl.url.replace(`/${version}/`, "/4.9/");
    const answers = await Promise.all(
      [forged, wrongArch, wrongVersion, armUrl.url.replace("full.iso", "other.iso")].map((u) => getIso(u)),
    );
    for (const a of answers) expect([a.status, a.body.detail]).toEqual([404, answers[0].body.detail]);

    const fresh = (await link(armId)).body.url;
    // Used a moment before: a link checked lately is kept a second (lib/infra-envs/link-memo.ts),
    // and revoking must end it at once all the same.
    expect((await getIso(fresh, { range: "bytes=0-1" })).status).toBe(206);
    expect((await call(regenerate.POST, { method: "POST", params: { infra_env_id: armId } })).status).toBe(204);
    const revoked = await getIso(fresh, { range: "bytes=0-1" });
    expect([revoked.status, revoked.body.detail]).toEqual([404, answers[0].body.detail]);
    const renewed = await getIso((await link(armId)).body.url, { range: "bytes=0-1" });
    expect(renewed.status).toBe(206);
  });

  it("a link used a moment ago follows a change made through the API at once", async () => {
    const { url } = (await link(armId)).body;
    const before = await getIso(url, { range: "bytes=0-1" });
    expect(before.status).toBe(206);
    const patch = (body: object) => call(infraEnvOne.PATCH, { method: "PATCH", params: { infra_env_id: armId }, body });
    // Not a credential: the same link stays good and now leads to the changed image.
    expect((await patch({ kernel_arguments: [{ operation: "append", value: "rd.moment=1" }] })).status).toBe(200);
    const changed = await getIso(url, { range: "bytes=0-1" });
    expect(changed.status).toBe(206);
    expect(changed.headers.get("etag")).not.toBe(before.headers.get("etag"));
    // A new pull secret revokes every link issued before it.
    expect(
      (await patch({ pull_secret: JSON.stringify({ auths: { "registry.example.com": { auth: "eDp5" } } }) })).status,
    ).toBe(200);
    expect((await getIso(url, { range: "bytes=0-1" })).status).toBe(404);
  });

  it("a changed infra-env yields a new ETag and sha256", async () => {
    const before = (await link(armId)).body;
    await db().infraEnv.update({
      where: { id: armId },
      data: { kernelArguments: [{ operation: "append", value: "rd.changed=1" }] },
    });
    const after = (await link(armId)).body;
    expect(after.size_bytes).toBe(before.size_bytes);
    expect(after.sha256).not.toBe(before.sha256);
    const bytes = (await getIso(after.url)).bytes;
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(after.sha256);
  });
});

describe("an x86_64 discovery ISO", () => {
  it("has an x86_64 kernel and its config in place", async () => {
    await fetchBaseImage("4.14", "x86_64");
    const id = await newInfraEnv("x86_64");
    const { url } = (await link(id)).body;
    const file = path.join(dir, "x86.iso");
    writeFileSync(file, (await getIso(url)).bytes);
    expect(kernelArch(xorrisoExtract(file, "/images/pxeboot/vmlinuz").subarray(0, 4096)).arch).toBe("x86_64");
    const cpio = execFileSync("gzip", ["-dc"], { input: xorrisoExtract(file, "/images/ignition.img") });
    expect(
      JSON.parse(execFileSync("cpio", ["-i", "--to-stdout", "--quiet", "config.ign"], { input: cpio }).toString())
        .ignition.version,
    ).toBe("3.4.0");
    expect(xorrisoExtract(file, "/isolinux/isolinux.cfg").toString()).toContain("rd.archway=1\n#");
  }, 120_000);
});

describe("an infra-env's secrets", () => {
  const secretsOf = (id: string) =>
    db().infraEnv.findUniqueOrThrow({ where: { id }, select: { agentToken: true, signingKey: true } });

  it("are made with it: its first link writes neither", async () => {
    await fetchBaseImage("4.14", "x86_64");
    const id = await newInfraEnv("x86_64");
    const made = await secretsOf(id);
    expect(made.agentToken).toBeTruthy();
    expect(made.signingKey).toBeTruthy();
    expect((await ask(id)).status).toBe(200);
    expect(await secretsOf(id)).toEqual(made);
  });

  it("are made at the first link of one created without them, and that link and its ISO work", async () => {
    await fetchBaseImage("4.14", "x86_64");
    const id = await newInfraEnv("x86_64");
    await db().infraEnv.update({ where: { id }, data: { agentToken: null, signingKey: null } });
    const res = await link(id);
    expect(res.status).toBe(200);
    const made = await secretsOf(id);
    expect(made.agentToken).toBeTruthy();
    expect(made.signingKey).toBeTruthy();
    const iso = await getIso(res.body.url);
    expect(iso.status).toBe(200);
    expect(createHash("sha256").update(iso.bytes).digest("hex")).toBe(res.body.sha256);
    const file = path.join(dir, "late-secrets.iso");
    writeFileSync(file, iso.bytes);
    const cpio = execFileSync("gzip", ["-dc"], { input: xorrisoExtract(file, "/images/ignition.img") });
    const config = JSON.parse(
      execFileSync("cpio", ["-i", "--to-stdout", "--quiet", "config.ign"], { input: cpio }).toString(),
    );
    const token = config.storage.files.find((f: { path: string }) => f.path === "/etc/assisted/agent-token");
    expect(Buffer.from(token.contents.source.split(",")[1], "base64").toString()).toBe(unseal(made.agentToken));
  }, 120_000);
});

describe("ARCHWAY_AGENT_URL", () => {
  it("is what hosts are told to call back, while the link stays on the browser's origin", async () => {
    process.env.ARCHWAY_AGENT_URL = "http://10.0.2.100:3000/";
    // The browser reaches the console through a trusted TLS proxy, as console.example.com.
    process.env.ARCHWAY_ALLOWED_HOSTS = "console.example.com,localhost";
    process.env.ARCHWAY_TRUSTED_PROXIES = "10.0.0.1";
    resetEnvForTests();
    try {
      const id = await newInfraEnv("aarch64");
      const answer = await call(imageUrl.GET, {
        path: `/api/x/${id}/downloads/image-url`,
        params: { infra_env_id: id },
        headers: { host: "console.example.com:8443", "x-forwarded-proto": "https", "x-archway-peer": "10.0.0.1" },
      });
      expect(answer.status).toBe(200);
      expect(answer.body.url).toMatch(/^https:\/\/console\.example\.com:8443\/iso\//);
      await pendingDigest(id);
      const { url, sha256 } = (await ask(id)).body;
      // Served to a different origin than the one that asked for the link: same bytes, same sha256.
      const served = (await getIso(url)).bytes;
      expect(createHash("sha256").update(served).digest("hex")).toBe(sha256);
      const file = path.join(dir, "agent-url.iso");
      writeFileSync(file, served);
      const cpio = execFileSync("gzip", ["-dc"], { input: xorrisoExtract(file, "/images/ignition.img") });
      const config = JSON.parse(
        execFileSync("cpio", ["-i", "--to-stdout", "--quiet", "config.ign"], { input: cpio }).toString(),
      );
      const conf = config.storage.files.find((f: { path: string }) => f.path === "/etc/assisted/agent.conf");
      const agentConf = JSON.parse(Buffer.from(conf.contents.source.split(",")[1], "base64").toString());
      expect(agentConf.service_url).toBe("http://10.0.2.100:3000");
      expect(config.systemd.units[0].contents).toContain('--url "http://10.0.2.100:3000"');
      const ign = await call(files.GET, { path: `/x?file_name=discovery.ign`, params: { infra_env_id: id } });
      expect(ign.text).toContain(
        Buffer.from(JSON.stringify(agentConf, null, 2))
          .toString("base64")
          .slice(0, 40),
      );
    } finally {
      delete process.env.ARCHWAY_AGENT_URL;
      delete process.env.ARCHWAY_ALLOWED_HOSTS;
      delete process.env.ARCHWAY_TRUSTED_PROXIES;
      resetEnvForTests();
    }
  }, 120_000);
});

describe("limits", () => {
  it("a link past its expiry is refused like any invalid link", async () => {
    const ie = await db().infraEnv.findUniqueOrThrow({ where: { id: armId } });
    const { token, version } = isoParams(armUrl.url);
    const scope = { imageType: "full-iso", version, arch: "aarch64" };
    const stale = signToken(
      { infraEnvId: armId, expiresAt: new Date(Date.now() - 1000) },
      scope,
      unseal(ie.signingKey!),
    );
    const res = await getIso(armUrl.url.replace(token, stale));
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/not valid/);
  });

  it("past the concurrent-download cap answers 503 with Retry-After, and frees the slot when a download ends", async () => {
    process.env.ARCHWAY_MAX_CONCURRENT_DOWNLOADS = "1";
    resetEnvForTests();
    try {
      const { url } = (await link(armId)).body;
      const open = await isoRoute.GET(new Request(url), { params: Promise.resolve(isoParams(url)) });
      expect(open.status).toBe(200);
      const refused = await getIso(url);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("10");
      await open.body!.cancel();
      await new Promise((r) => setTimeout(r, 50));
      expect((await getIso(url, { range: "bytes=0-9" })).status).toBe(206);
    } finally {
      delete process.env.ARCHWAY_MAX_CONCURRENT_DOWNLOADS;
      resetEnvForTests();
    }
  });
});

describe("while the base ISO is being (re)fetched", () => {
  it("a link request answers 503 with Retry-After naming the job, then works", async () => {
    const row = await db().osImage.findFirstOrThrow({
      where: { openshiftVersion: "4.14", cpuArchitecture: "aarch64" },
    });
    const bi = await db().baseImage.findUniqueOrThrow({ where: { url: row.url } });
    const { jobId, done } = await startFetch(bi.id);
    const busy = await ask(armId);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(busy.body.detail).toContain(jobId);
    await done;
    expect((await ask(armId)).status).toBe(200);
  });

  it("a row whose cached ISO holds another architecture's kernel is refused (409)", async () => {
    const x86 = await db().baseImage.findFirstOrThrow({ where: { cpuArchitecture: "x86_64", status: "ready" } });
    const row = await db().osImage.findFirstOrThrow({
      where: { openshiftVersion: "4.14", cpuArchitecture: "aarch64" },
    });
    const original = row.url;
    await db().osImage.update({ where: { id: row.id }, data: { url: x86.url } });
    sourcesChanged(); // as loading the image table does: downloads keep which file serves a row for a second
    try {
      const res = await ask(armId);
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/holds a x86_64 kernel/);
    } finally {
      await db().osImage.update({ where: { id: row.id }, data: { url: original } });
      sourcesChanged();
    }
  });
});
