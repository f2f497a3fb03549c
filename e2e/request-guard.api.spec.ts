// The attacks of issue 10 against a real server (scripts/server.mjs in front of the production
// build), each with its own data dir so its log can be read afterwards: a forged Host, forwarded
// headers from an untrusted peer (and from a trusted one), a cross-site form post from a page of
// another origin in Chromium, a body without Content-Type, and secrets in the server log.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { adminTokenFor } from "./server-token";

type Running = { base: string; port: number; log: () => string; stop: () => Promise<void> };

/** Each started server's admin token by port: raw() sends it unless a test sends its own. */
const tokens = new Map<number, string>();

async function startServer(env: Record<string, string> = {}): Promise<Running> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "archway-guard-"));
  const serverEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    PORT: "0",
    ARCHWAY_DATA_DIR: dataDir,
    ARCHWAY_PREFETCH_BASE_IMAGES: "off",
    ARCHWAY_SAMPLE_IMAGES: "off",
    ...env,
  };
  const token = adminTokenFor(serverEnv);
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], {
    env: serverEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 80_000);
    const poll = setInterval(() => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    }, 100);
    child.on("exit", () => reject(new Error(`server exited:\n${log}`)));
  });
  tokens.set(port, token);
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** node:http, because fetch may not set Host. */
function raw(port: number, method: string, pathName: string, headers: Record<string, string>, body?: string) {
  return new Promise<Raw>((resolve, reject) => {
    const auth = tokens.has(port) ? { authorization: `Bearer ${tokens.get(port)}` } : {};
    const req = httpRequest(
      { host: "127.0.0.1", port, method, path: pathName, headers: { ...auth, ...headers } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const JSON_HEADERS = { "content-type": "application/json" };
const API = "/api/assisted-install/v2";

async function ignitionServiceUrl(port: number, infraEnvId: string, headers: Record<string, string>) {
  const res = await raw(
    port,
    "GET",
    `${API}/infra-envs/${infraEnvId}/downloads/files?file_name=discovery.ign`,
    headers,
  );
  if (res.status !== 200) return res;
  const file = JSON.parse(res.body).storage.files.find((f: { path: string }) => f.path === "/etc/assisted/agent.conf");
  return JSON.parse(Buffer.from(file.contents.source.replace(/^data:;base64,/, ""), "base64").toString())
    .service_url as string;
}

async function newInfraEnv(port: number, extra: Record<string, unknown> = {}) {
  const res = await raw(
    port,
    "POST",
    `${API}/infra-envs`,
    JSON_HEADERS,
    JSON.stringify({ name: `g-${Date.now()}`, ...extra }),
  );
  expect(res.status, res.body).toBe(201);
  return JSON.parse(res.body).id as string;
}

test.describe("request guard, default configuration", () => {
  test.setTimeout(120_000);
  let srv: Running;
  test.beforeAll(async () => {
    test.setTimeout(90_000); // a production start beside the suite's own server on 2 cores
    srv = await startServer();
  });
  test.afterAll(async () => {
    await srv?.stop();
  });

  test("a forged Host is refused (400) on pages, APIs and downloads alike", async () => {
    for (const p of ["/clusters", `${API}/clusters`, "/iso/x/4.14/x86_64/full.iso"]) {
      const res = await raw(srv.port, "GET", p, { host: "evil.example.com" });
      expect(res.status, p).toBe(400);
      expect(res.headers["content-type"]).toBe("application/problem+json");
      expect(JSON.parse(res.body).errors).toEqual({ "headers.Host": ["Not one of this console's names"] });
    }
    expect((await raw(srv.port, "GET", `${API}/clusters`, { host: `localhost:${srv.port}` })).status).toBe(200);
  });

  test("pages, APIs and refusals carry Cross-Origin-Opener-Policy; plain http gets no Strict-Transport-Security", async () => {
    const host = `localhost:${srv.port}`;
    for (const [p, h] of [
      ["/login", { host }],
      [`${API}/clusters`, { host }],
      [`${API}/clusters`, { host: "evil.example.com" }],
      // X-Forwarded-Proto from a peer that is not a trusted proxy does not make the connection https.
      ["/login", { host, "x-forwarded-proto": "https" }],
    ] as const) {
      const res = await raw(srv.port, "GET", p, h);
      expect(res.headers["cross-origin-opener-policy"], p).toBe("same-origin");
      expect(res.headers["strict-transport-security"], p).toBeUndefined();
    }
  });

  test("X-Forwarded-* from a peer that is not a trusted proxy change nothing", async () => {
    const id = await newInfraEnv(srv.port);
    const url = await ignitionServiceUrl(srv.port, id, {
      "x-forwarded-host": "evil.example.com",
      "x-forwarded-proto": "https",
      "x-archway-peer": "10.0.0.1", // a client cannot claim to be a proxy either
    });
    expect(url).toBe(`http://127.0.0.1:${srv.port}`);
  });

  test("a JSON body without Content-Type is a 415 and creates nothing", async () => {
    const before = JSON.parse((await raw(srv.port, "GET", `${API}/clusters`, {})).body).length;
    const res = await raw(
      srv.port,
      "POST",
      `${API}/clusters`,
      {},
      JSON.stringify({ name: "nocontent", openshift_version: "4.14" }),
    );
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body).errors).toEqual({ "headers.Content-Type": ["Expected application/json"] });
    expect(JSON.parse((await raw(srv.port, "GET", `${API}/clusters`, {})).body).length).toBe(before);
  });

  test("a cross-site form post from another origin's page in Chromium is refused (403) and creates nothing", async ({
    page,
  }) => {
    // The attacker's page: another origin (localhost on another port), posting the classic text/plain
    // form that smuggles JSON, to the console at 127.0.0.1.
    const attacker: Server = createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end(
        `<form method="POST" enctype="text/plain" action="http://127.0.0.1:${srv.port}${API}/clusters">
           <input name='{"name":"csrf-cluster","openshift_version":"4.14","x":"' value='"}'>
           <button>go</button></form>`,
      );
    });
    await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", r));
    try {
      const attackerPort = (attacker.address() as AddressInfo).port;
      await page.goto(`http://localhost:${attackerPort}/`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes(`${API}/clusters`)),
        page.getByRole("button", { name: "go" }).click(),
      ]);
      expect(response.status()).toBe(403);
      expect((await response.json()).errors).toEqual({ "headers.Origin": ["Not this console's origin"] });
      const clusters = JSON.parse((await raw(srv.port, "GET", `${API}/clusters`, {})).body) as { name: string }[];
      expect(clusters.map((c) => c.name)).not.toContain("csrf-cluster");
    } finally {
      attacker.close();
    }
  });

  test("the server log never shows a pull secret, agent token or proxy password", async () => {
    const pullAuth = Buffer.from("log-user:L0g-Pull-S3cret-5521").toString("base64");
    const pullSecret = JSON.stringify({ auths: { "quay.io": { auth: pullAuth } } });
    const proxyPassword = "L0g-Proxy-Pa55-8812";
    const proxy = `http://u:${proxyPassword}@proxy.example.com:3128`;
    const cluster = await raw(
      srv.port,
      "POST",
      `${API}/clusters`,
      JSON_HEADERS,
      JSON.stringify({ name: "logcheck", openshift_version: "4.14", pull_secret: pullSecret, http_proxy: proxy }),
    );
    expect(cluster.status, cluster.body).toBe(201);
    const id = await newInfraEnv(srv.port, { pull_secret: pullSecret, proxy: { https_proxy: proxy } });
    const ign = await raw(srv.port, "GET", `${API}/infra-envs/${id}/downloads/files?file_name=discovery.ign`, {});
    const token = Buffer.from(
      JSON.parse(ign.body)
        .storage.files.find((f: { path: string }) => f.path === "/etc/assisted/agent-token")
        .contents.source.replace(/^data:;base64,/, ""),
      "base64",
    ).toString();
    const hostId = "8d7a3c52-7c1b-4d5e-9f00-1234567890ab";
    const agent = (key: string, body: string) =>
      raw(srv.port, "POST", `${API}/infra-envs/${id}/hosts`, { ...JSON_HEADERS, "x-secret-key": key }, body);
    expect((await agent(token, JSON.stringify({ host_id: hostId, discovery_agent_version: "t" }))).status).toBe(201);
    expect((await agent(`${token}x`, JSON.stringify({ host_id: hostId }))).status).toBe(401);
    expect((await agent(token, `{"host_id": "${pullSecret}`)).status).toBe(400);
    // Refused updates that carry the secrets, and an ISO link (503 while its base image is fetched).
    const patch = (body: unknown) =>
      raw(srv.port, "PATCH", `${API}/infra-envs/${id}`, JSON_HEADERS, JSON.stringify(body));
    expect((await patch({ pull_secret: `${pullSecret}}`, proxy: { http_proxy: `${proxy}\n` } })).status).toBe(400);
    expect((await patch({ pull_secret: pullSecret, proxy: { http_proxy: proxy } })).status).toBe(200);
    await raw(srv.port, "GET", `${API}/infra-envs/${id}/downloads/image-url`, {});
    const log = srv.log();
    for (const secret of [pullAuth, token, proxyPassword]) expect(log).not.toContain(secret);
    expect(log).toContain("listening on");
  });
});

test.describe("request guard behind a trusted proxy", () => {
  test.setTimeout(120_000);
  let srv: Running;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    srv = await startServer({
      ARCHWAY_TRUSTED_PROXIES: "127.0.0.1",
      ARCHWAY_ALLOWED_HOSTS: "127.0.0.1,console.example.com",
    });
  });
  test.afterAll(async () => {
    await srv?.stop();
  });

  test("X-Forwarded-Host and -Proto are honoured from it, and still must name the console", async () => {
    const id = await newInfraEnv(srv.port);
    const forwarded = { "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" };
    expect(await ignitionServiceUrl(srv.port, id, forwarded)).toBe("https://console.example.com");
    const evil = await ignitionServiceUrl(srv.port, id, { ...forwarded, "x-forwarded-host": "evil.example.com" });
    expect((evil as Raw).status).toBe(400);
    expect(JSON.parse((evil as Raw).body).errors).toEqual({
      "headers.X-Forwarded-Host": ["Not one of this console's names"],
    });
    // ARCHWAY_ALLOWED_HOSTS replaces the defaults: localhost is no longer one of its names.
    expect((await raw(srv.port, "GET", `${API}/clusters`, { host: "localhost" })).status).toBe(400);
  });

  test("Strict-Transport-Security on pages and APIs when the proxy says the browser came over https", async () => {
    const host = "console.example.com";
    for (const p of ["/login", `${API}/clusters`]) {
      const https = await raw(srv.port, "GET", p, { host, "x-forwarded-proto": "https" });
      expect(https.status, p).toBeLessThan(400);
      expect(https.headers["strict-transport-security"], p).toBe("max-age=31536000");
      expect(https.headers["cross-origin-opener-policy"], p).toBe("same-origin");
      const http = await raw(srv.port, "GET", p, { host, "x-forwarded-proto": "http" });
      expect(http.headers["strict-transport-security"], p).toBeUndefined();
    }
  });
});
