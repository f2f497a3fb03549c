// Secrets stay secret: after creating objects that hold a pull secret, proxy credentials, an agent
// token and a signing key, no JSON response of any route (lists, details, events, hosts, errors)
// carries one; they are encrypted in the database; only the discovery Ignition has them in clear.
import { beforeAll, describe, expect, it } from "vitest";
import * as clusterOne from "@/app/api/assisted-install/v2/clusters/[cluster_id]/route";
import * as clusters from "@/app/api/assisted-install/v2/clusters/route";
import * as events from "@/app/api/assisted-install/v2/events/route";
import * as files from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/files/route";
import * as imageUrl from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/downloads/image-url/route";
import * as hostOne from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/[host_id]/route";
import * as hosts from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/route";
import * as regenerate from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/regenerate-signing-key/route";
import * as infraEnvOne from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import { db } from "@/lib/db";
import { encryptExistingSecrets } from "@/lib/secrets/encrypt-existing";
import { unseal } from "@/lib/secrets/secrets";
import { uniqueName } from "@/test/fixtures";
import { Agent, agentTokenOf } from "@/test/hosts";
import { type Called, call } from "@/test/http";
import { fetchBaseImage, getIso } from "@/test/iso-helpers";

const PULL_AUTH = Buffer.from("pull-user:Pu11-S3cret-Value-4711").toString("base64");
const PULL_SECRET = JSON.stringify({ auths: { "quay.io": { auth: PULL_AUTH, email: "ops@example.com" } } });
const PROXY_PASSWORD = "Pr0xy-Pa55w0rd-9931";
const PROXY = `http://proxyuser:${PROXY_PASSWORD}@proxy.example.com:3128`;
const PROXY_SHOWN = "http://proxyuser@proxy.example.com:3128";

const ids = { cluster: "", infraEnv: "", host: "" };
const secrets: Record<string, string> = { pullAuth: PULL_AUTH, proxyPassword: PROXY_PASSWORD };

type Row = Record<string, string | null>;
const rawInfraEnv = async (id: string) =>
  ((await db().$queryRaw`SELECT * FROM "InfraEnv" WHERE "id" = ${id}`) as Row[])[0];
const rawCluster = async (id: string) =>
  ((await db().$queryRaw`SELECT * FROM "Cluster" WHERE "id" = ${id}`) as Row[])[0];

beforeAll(async () => {
  await fetchBaseImage("4.14", "x86_64");
  const c = await call(clusters.POST, {
    method: "POST",
    body: {
      name: uniqueName("sec"),
      openshift_version: "4.14",
      pull_secret: PULL_SECRET,
      http_proxy: PROXY,
      https_proxy: PROXY,
    },
  });
  expect(c.status).toBe(201);
  ids.cluster = c.body.id;
  const ie = await call(infraEnvs.POST, {
    method: "POST",
    body: {
      name: uniqueName("sec"),
      cluster_id: ids.cluster,
      pull_secret: PULL_SECRET,
      proxy: { http_proxy: PROXY, https_proxy: PROXY },
    },
  });
  expect(ie.status).toBe(201);
  ids.infraEnv = ie.body.id;
  secrets.agentToken = await agentTokenOf(ids.infraEnv);
  const agent = new Agent(ids.infraEnv, secrets.agentToken);
  expect((await agent.register()).status).toBe(201);
  ids.host = agent.hostId;
  expect((await call(regenerate.POST, { method: "POST", params: { infra_env_id: ids.infraEnv } })).status).toBe(204);
  secrets.signingKey = unseal((await rawInfraEnv(ids.infraEnv)).signingKey as string);
});

const ie = () => ({ infra_env_id: ids.infraEnv });
const ROUTES: [string, () => Promise<Called>][] = [
  ["GET clusters", () => call(clusters.GET)],
  ["GET clusters/{id}", () => call(clusterOne.GET, { params: { cluster_id: ids.cluster } })],
  [
    "PATCH clusters/{id}",
    () => call(clusterOne.PATCH, { method: "PATCH", params: { cluster_id: ids.cluster }, body: { http_proxy: PROXY } }),
  ],
  [
    "PATCH clusters/{id} (refused)",
    () =>
      call(clusterOne.PATCH, {
        method: "PATCH",
        params: { cluster_id: ids.cluster },
        body: { pull_secret: PULL_SECRET, http_proxy: `${PROXY} x` },
      }),
  ],
  ["GET infra-envs", () => call(infraEnvs.GET, { path: "/infra-envs" })],
  ["GET infra-envs/{id}", () => call(infraEnvOne.GET, { params: ie() })],
  [
    "PATCH infra-envs/{id}",
    () =>
      call(infraEnvOne.PATCH, {
        method: "PATCH",
        params: ie(),
        body: { pull_secret: PULL_SECRET, proxy: { http_proxy: PROXY } },
      }),
  ],
  [
    "PATCH infra-envs/{id} (refused)",
    () =>
      call(infraEnvOne.PATCH, {
        method: "PATCH",
        params: ie(),
        body: { pull_secret: `${PULL_SECRET}x`, proxy: { https_proxy: `${PROXY}\n` } },
      }),
  ],
  ["GET image-url", () => call(imageUrl.GET, { path: "/x", params: ie() })],
  ["GET events", () => call(events.GET, { path: "/api/assisted-install/v2/events" })],
  [
    "GET events (infra-env)",
    () => call(events.GET, { path: `/api/assisted-install/v2/events?infra_env_id=${ids.infraEnv}` }),
  ],
  ["GET hosts", () => call(hosts.GET, { path: "/h", params: ie() })],
  ["GET hosts/{id}", () => call(hostOne.GET, { path: "/h", params: { ...ie(), host_id: ids.host } })],
  ["agent: wrong token", () => new Agent(ids.infraEnv, `${secrets.agentToken}x`).register()],
];

describe("no JSON response carries a secret", () => {
  it.each(ROUTES)("%s", async (_, run) => {
    const res = await run();
    expect(res.status).toBeLessThan(500);
    for (const [name, value] of Object.entries(secrets))
      expect(res.text, `${name} in the response`).not.toContain(value);
  });

  it("responses say a pull secret is set and show proxy URLs without the password", async () => {
    const one = (await call(infraEnvOne.GET, { params: ie() })).body;
    expect(one.pull_secret_set).toBe(true);
    expect(one.proxy.http_proxy).toBe(PROXY_SHOWN);
    const cluster = (await call(clusterOne.GET, { params: { cluster_id: ids.cluster } })).body;
    expect([cluster.pull_secret_set, cluster.http_proxy]).toEqual([true, PROXY_SHOWN]);
  });

  it("the redacted URL sent back keeps the stored credentials", async () => {
    const res = await call(infraEnvOne.PATCH, {
      method: "PATCH",
      params: ie(),
      body: { name: uniqueName("sec"), proxy: { http_proxy: PROXY_SHOWN } },
    });
    expect(res.status).toBe(200);
    expect(unseal((await rawInfraEnv(ids.infraEnv)).httpProxy)).toBe(PROXY);
  });
});

describe("the discovery Ignition", () => {
  it("is the one place with the secrets in clear, for the booted host", async () => {
    const res = await call(files.GET, { path: "/f?file_name=discovery.ign", params: ie() });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="discovery.ign"');
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const file = (p: string) =>
      Buffer.from(
        res.body.storage.files
          .find((f: { path: string }) => f.path === p)
          .contents.source.replace(/^data:;base64,/, ""),
        "base64",
      ).toString();
    expect(file("/root/.docker/config.json")).toBe(PULL_SECRET);
    expect(file("/etc/assisted/agent-token")).toBe(secrets.agentToken);
    expect(file("/etc/assisted/agent.conf")).not.toContain(secrets.agentToken);
  });
});

describe("at rest", () => {
  it("every secret column holds ciphertext", async () => {
    const row = await rawInfraEnv(ids.infraEnv);
    for (const col of ["pullSecret", "httpProxy", "httpsProxy", "agentToken", "signingKey"]) {
      expect(row[col], col).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
      for (const value of Object.values(secrets)) expect(row[col], col).not.toContain(value);
    }
    const c = await rawCluster(ids.cluster);
    for (const col of ["pullSecret", "httpProxy", "httpsProxy"]) expect(c[col], col).toMatch(/^enc:v1:/);
  });

  it("rows stored in clear by an earlier version are encrypted at start, and still work", async () => {
    const token = "plain-agent-token-from-before";
    await db()
      .$executeRaw`UPDATE "InfraEnv" SET "pullSecret" = ${PULL_SECRET}, "agentToken" = ${token} WHERE "id" = ${ids.infraEnv}`;
    await db().$executeRaw`UPDATE "Cluster" SET "httpProxy" = ${PROXY} WHERE "id" = ${ids.cluster}`;
    expect(await encryptExistingSecrets()).toBe(2);
    expect(await encryptExistingSecrets()).toBe(0);
    const row = await rawInfraEnv(ids.infraEnv);
    expect([row.pullSecret, row.agentToken].every((v) => v?.startsWith("enc:v1:"))).toBe(true);
    expect((await rawCluster(ids.cluster)).httpProxy).toMatch(/^enc:v1:/);
    expect(await agentTokenOf(ids.infraEnv)).toBe(token);
    expect((await new Agent(ids.infraEnv, token).register(ids.host)).status).toBeLessThan(300);
    secrets.agentToken = token;
  });
});

describe("signing key", () => {
  const key = async () => unseal((await rawInfraEnv(ids.infraEnv)).signingKey as string);

  it("is rotated (every link revoked) when the pull secret or proxy changes, not for other fields", async () => {
    const before = await key();
    await call(infraEnvOne.PATCH, { method: "PATCH", params: ie(), body: { name: uniqueName("sec") } });
    expect(await key()).toBe(before);
    await call(infraEnvOne.PATCH, { method: "PATCH", params: ie(), body: { pull_secret: PULL_SECRET } });
    const afterPull = await key();
    expect(afterPull).not.toBe(before);
    await call(infraEnvOne.PATCH, { method: "PATCH", params: ie(), body: { proxy: { no_proxy: ".lab" } } });
    expect(await key()).not.toBe(afterPull);
  });
});

describe("download links", () => {
  it("are bound to the image type, version and architecture they were issued for", async () => {
    const { url } = (await call(imageUrl.GET, { path: "/x", params: ie() })).body;
    expect((await getIso(url, { range: "bytes=0-1" })).status).toBe(206);
    for (const other of [url.replace("/full.iso", "/minimal.iso"), url.replace("/x86_64/", "/aarch64/")])
      expect((await getIso(other, { range: "bytes=0-1" })).status, other).toBe(404);
  });
});

describe("values written into the ISO's systemd units and kernel arguments", () => {
  it.each([
    ["proxy.http_proxy", { proxy: { http_proxy: "http://proxy:3128\nExecStartPre=/bin/touch /pwned" } }],
    ["proxy.https_proxy", { proxy: { https_proxy: "http://proxy:3128/\r\nExecStart=/bin/sh" } }],
    ["proxy.http_proxy", { proxy: { http_proxy: "http://proxy:3128/a\tb" } }],
    ["kernel_arguments.0.value", { kernel_arguments: [{ operation: "append", value: "quiet;reboot" }] }],
    ["kernel_arguments.0.value", { kernel_arguments: [{ operation: "append", value: "x=$root" }] }],
    ["kernel_arguments.0.value", { kernel_arguments: [{ operation: "append", value: "a\u0000b" }] }],
  ])("refuses a control or separator character in %s with a 400", async (field, body) => {
    const res = await call(infraEnvOne.PATCH, { method: "PATCH", params: ie(), body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });
});
