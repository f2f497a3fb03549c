// The base-image cache heals across SIGKILLs of the real server (`node scripts/server.mjs`, its own
// data dir and SQLite database): killed while downloading from a slow loopback HTTP source, while
// building the minimal template, and right after the image became ready; each time started again
// on the same data dir, with no manual step. The source ISO is the sample live ISO the suite's
// main server builds with buildSampleIso.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { adminTokenFor } from "./server-token";

const V2 = "/api/assisted-install/v2";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
// Named here, created by the test: the runner also loads this file (to list tests) and would leak it.
const work = path.join(tmpdir(), `archway-heal-e2e-${process.pid}-${Date.now().toString(36)}`);
const dataDir = path.join(work, "data");
const cache = path.join(dataDir, "cache", "base-images");
const slowFlag = path.join(work, "slow-xorriso");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Serves the ISO like a mirror (ETag, Last-Modified, HEAD); slowly when asked, counting bytes sent. */
class Source {
  slow = true;
  sent = 0;
  private server: Server;
  constructor(readonly bytes: Buffer) {
    this.server = createServer((req, res) => {
      res.writeHead(200, {
        "content-length": bytes.length,
        etag: `"${sha256(bytes).slice(0, 16)}"`,
        "last-modified": new Date(0).toUTCString(),
      });
      if (req.method === "HEAD") return void res.end();
      this.sent = 0;
      if (!this.slow) return void res.end(bytes);
      const step = 256 * 1024; // about 3.5 s for the sample ISO
      const timer = setInterval(() => {
        const chunk = bytes.subarray(this.sent, this.sent + step);
        this.sent += chunk.length;
        if (this.sent >= bytes.length) {
          clearInterval(timer);
          res.end(chunk);
        } else res.write(chunk);
      }, 60);
      res.on("close", () => clearInterval(timer));
    });
  }
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/rhcos-live.x86_64.iso`;
  }
  close() {
    this.server.closeAllConnections();
    this.server.close();
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** The real server in its own process group, so SIGKILL takes its children (xorriso) too. */
class Archway {
  output = "";
  private child: ChildProcess | undefined;
  constructor(
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
  ) {}
  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
  /** An admin token for this server's own database (the main suite's token is for another). */
  get auth() {
    this.token ??= adminTokenFor(this.env);
    return { headers: { authorization: `Bearer ${this.token}` } };
  }
  private token?: string;
  async start(request: APIRequestContext) {
    this.output = "";
    const child = spawn(process.execPath, ["scripts/server.mjs"], {
      cwd: ROOT,
      env: this.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout!.on("data", (d) => (this.output += d));
    child.stderr!.on("data", (d) => (this.output += d));
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`server exited: ${this.output}`);
          return (await request.get(`${this.base}${V2}/os-images`, this.auth).catch(() => null))?.status();
        },
        { timeout: 60_000, intervals: [250] },
      )
      .toBe(200);
  }
  async kill(signal: NodeJS.Signals = "SIGKILL") {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, signal);
    await exited;
  }
}

type BaseImage = { status: string; sha256?: string; job_id?: string; error?: string };
async function baseImages(request: APIRequestContext, app: Archway): Promise<BaseImage[]> {
  const res = await request.get(`${app.base}${V2}/os-images`, app.auth);
  return (await res.json()).os_images.map((r: { base_image: BaseImage }) => r.base_image);
}

const cacheFiles = () => (existsSync(cache) ? readdirSync(cache).sort() : []);

test("the base-image cache heals after SIGKILLs while downloading, building the template and right after", async ({
  request,
}) => {
  test.setTimeout(180_000);
  // The suite's main server builds the sample x86_64 live ISO at its start; it is our source.
  // live-x86_64-r<revision>.iso (lib/catalog/default-catalog.ts)
  const sampleDir = path.join(process.env.E2E_DATA_DIR!, "os-images", "sample");
  const sampleName = () =>
    (existsSync(sampleDir) ? readdirSync(sampleDir) : []).find((n) => /^live-x86_64(-r\d+)?\.iso$/.test(n));
  await expect.poll(sampleName, { timeout: 90_000, intervals: [500] }).toBeTruthy();
  const sampleIso = path.join(sampleDir, sampleName()!);
  const source = new Source(readFileSync(sampleIso));
  const url = await source.listen();

  // xorriso that lingers after each run while the flag file exists: the template build takes seconds.
  const bin = path.join(work, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    path.join(bin, "xorriso"),
    `#!/bin/sh\n/usr/bin/xorriso "$@"\nrc=$?\n[ -f ${slowFlag} ] && sleep 30\nexit $rc\n`,
  );
  chmodSync(path.join(bin, "xorriso"), 0o755);

  const rows = ["4.9", "4.14"]; // two rows share the one base ISO
  const app = new Archway(await freePort(), {
    ...process.env,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    ARCHWAY_DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, "archway.db")}`,
    ARCHWAY_SAMPLE_IMAGES: "off",
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    OS_IMAGES: JSON.stringify(
      rows.map((v) => ({ openshift_version: v, cpu_architecture: "x86_64", url, version: `heal-${v}` })),
    ),
    RELEASE_IMAGES: JSON.stringify(
      rows.map((v) => ({ openshift_version: v, cpu_architecture: "x86_64", url: `quay.io/x:${v}`, version: `${v}.0` })),
    ),
  });
  app.env.PORT = String(app.port);

  try {
    // 1. Killed while downloading: a partial file, nothing under the final name.
    await app.start(request);
    await expect.poll(() => source.sent, { timeout: 30_000, intervals: [50] }).toBeGreaterThan(source.bytes.length / 3);
    await app.kill();
    expect(source.sent).toBeLessThan(source.bytes.length);
    expect(cacheFiles().some((n) => /\.iso\.part-\d+-/.test(n))).toBe(true);
    expect(cacheFiles().filter((n) => !n.includes(".part-"))).toEqual([]);

    // 2. Started again: the interrupted fetch is retried; killed while xorriso builds the template.
    source.slow = false;
    writeFileSync(slowFlag, "");
    await app.start(request);
    await expect
      .poll(() => cacheFiles().some((n) => /\.(rootfs\.img|minimal\.iso)\.part-/.test(n)), { timeout: 30_000 })
      .toBe(true);
    expect(app.output).toMatch(/removed what interrupted work left behind: 1 partial file\(s\)/);
    expect(app.output).toMatch(/fetching base image .* again: the previous fetch was interrupted/);
    await app.kill();
    rmSync(slowFlag);

    // 3. Started again: retried to ready with no manual step; killed right after.
    await app.start(request);
    await expect
      .poll(async () => (await baseImages(request, app)).map((b) => b.status), { timeout: 60_000, intervals: [100] })
      .toEqual(["ready", "ready"]);
    const [ready] = await baseImages(request, app);
    await app.kill();

    // 4. Started again: still ready, not fetched again, the cached file is the source's bytes, and
    // nothing half-written is left; then a discovery ISO is served from it.
    await app.start(request);
    const after = await baseImages(request, app);
    expect(after.map((b) => [b.status, b.job_id])).toEqual([
      ["ready", ready.job_id],
      ["ready", ready.job_id],
    ]);
    expect(ready.sha256).toBe(sha256(source.bytes));
    const files = cacheFiles();
    expect(files.filter((n) => n.includes(".part-"))).toEqual([]);
    expect(files.map((n) => n.replace(/^[0-9a-f]{24}/, "H"))).toEqual(["H.iso", "H.minimal.iso", "H.rootfs.img"]);
    expect(sha256(readFileSync(path.join(cache, files[0])))).toBe(sha256(source.bytes));

    const ie = await request.post(`${app.base}${V2}/infra-envs`, {
      ...app.auth,
      data: { name: `heal-${Date.now().toString(36)}`, openshift_version: "4.14", cpu_architecture: "x86_64" },
    });
    expect(ie.status(), await ie.text()).toBe(201);
    const link = await request.get(`${app.base}${V2}/infra-envs/${(await ie.json()).id}/downloads/image-url`, app.auth);
    expect(link.status(), await link.text()).toBe(200);
    const { url: isoUrl, size_bytes } = await link.json();
    const iso = await request.get(isoUrl);
    expect(iso.status()).toBe(200);
    const body = await iso.body();
    expect(body.length).toBe(size_bytes);
    expect(body.length).toBe(source.bytes.length);
    expect(body.subarray(32769, 32774).toString()).toBe("CD001");
    await app.kill("SIGTERM");
  } finally {
    await app.kill().catch(() => undefined);
    source.close();
    rmSync(work, { recursive: true, force: true });
  }
});
