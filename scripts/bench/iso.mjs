// npm run bench:iso — discovery ISO serving with a 1 GiB base ISO: throughput against nginx on the
// same file, server memory under 200 concurrent downloads, create-to-link latency, time to first
// byte. Prints figures; asserts nothing.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensurePrepared } from "../prepare.mjs";
import { ensureSystemPackages } from "../system-deps.mjs";
import { apiFetch, freePort, percentile, startConsole, treeRss, waitForBaseImages } from "./server.mjs";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const work = mkdtempSync(path.join(tmpdir(), "archway-bench-iso-"));
const dataDir = path.join(work, "data");

function get(url, { headers = {}, limit = Infinity, firstByte } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(url, { headers, agent: false }, (res) => {
      let bytes = 0;
      let ttfb = null;
      res.on("data", (chunk) => {
        if (ttfb === null) {
          ttfb = Number(process.hrtime.bigint() - t0) / 1e6;
          if (firstByte)
            return (req.destroy(), resolve({ status: res.statusCode, bytes: chunk.length, ttfb, ms: ttfb }));
        }
        bytes += chunk.length;
        if (bytes >= limit) req.destroy();
      });
      const done = () =>
        resolve({ status: res.statusCode, bytes, ttfb, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
      res.on("end", done);
      res.on("close", done);
      res.on("error", reject);
    });
    req.on("error", (e) => (e.code === "ECONNRESET" ? null : reject(e)));
  });
}

async function throughput(url, runs = 3) {
  const rates = [];
  for (let i = 0; i < runs; i++) {
    const r = await get(url);
    rates.push(r.bytes / GiB / (r.ms / 1000));
  }
  return Math.max(...rates);
}

async function startNginx(dir) {
  const port = await freePort();
  const conf = path.join(work, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off; master_process off; worker_processes 1; error_log ${work}/nginx-error.log; pid ${work}/nginx.pid;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; client_body_temp_path ${work}; proxy_temp_path ${work}; fastcgi_temp_path ${work}; uwsgi_temp_path ${work}; scgi_temp_path ${work};
  server { listen 127.0.0.1:${port}; root ${dir}; location / { } } }\n`,
  );
  const child = spawn("nginx", ["-c", conf, "-p", work], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

// nginx is the anchor every figure is compared with: without it the comparison would silently be missing.
ensureSystemPackages(["runtime", "bench"], { what: "the benchmarks" });
ensurePrepared({ build: true });
console.log(`work dir ${work}`);

// 1. The console builds its sample x86_64 live ISO; pad a copy to 1 GiB with a rootfs image.
let consoleSrv = await startConsole({ ARCHWAY_DATA_DIR: dataDir });
await waitForBaseImages(consoleSrv.base);
await consoleSrv.stop();
const sampleDir = path.join(dataDir, "os-images/sample");
const sample = path.join(
  sampleDir,
  readdirSync(sampleDir).find((n) => /^live-x86_64(-r\d+)?\.iso$/.test(n)),
);
const filler = path.join(work, "rootfs.img");
writeFileSync(filler, "");
truncateSync(filler, GiB - statSync(sample).size - 4 * MiB);
const big = path.join(work, "big.iso");
execFileSync(
  "xorriso",
  [
    "-indev",
    sample,
    "-outdev",
    big,
    "-boot_image",
    "any",
    "replay",
    "-map",
    filler,
    "/images/pxeboot/rootfs.img",
    "-commit",
  ],
  { stdio: "ignore" },
);
console.log(`base ISO: ${(statSync(big).size / GiB).toFixed(3)} GiB`);

const row = (v) => ({ openshift_version: "4.14", cpu_architecture: "x86_64", url: `file://${big}`, version: v });
consoleSrv = await startConsole({
  ARCHWAY_DATA_DIR: dataDir,
  OS_IMAGES: JSON.stringify([row("bench-1gib")]),
  RELEASE_IMAGES: JSON.stringify([
    { openshift_version: "4.14", cpu_architecture: "x86_64", url: "quay.io/x:4.14", version: "4.14.0", default: true },
  ]),
  ARCHWAY_MAX_CONCURRENT_DOWNLOADS: "256",
});
await waitForBaseImages(consoleSrv.base);
const cached = (await import("node:fs"))
  .readdirSync(path.join(dataDir, "cache/base-images"))
  .find((f) => f.endsWith(".iso"));
const api = `${consoleSrv.base}/api/assisted-install/v2`;
const post = (p, body) =>
  apiFetch(`${api}/${p}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then((r) => r.json());

// 2. One infra-env and its link (its digest computed before anything is timed).
const ie0 = await post("infra-envs", { name: "bench-main", openshift_version: "4.14", cpu_architecture: "x86_64" });
let url;
for (;;) {
  const link = await (await apiFetch(`${api}/infra-envs/${ie0.id}/downloads/image-url`)).json();
  url = link.url;
  if (link.sha256) break;
  await new Promise((r) => setTimeout(r, 500));
}

// 3. Time to first byte.
const ttfb = [];
for (let i = 0; i < 50; i++) ttfb.push((await get(url, { firstByte: true })).ttfb);

// 4. Throughput against nginx serving the same cached base file.
const ours = await throughput(url);
let nginxRate = null;
if (existsSync("/usr/sbin/nginx") || existsSync("/usr/bin/nginx")) {
  const nginx = await startNginx(path.join(dataDir, "cache/base-images"));
  nginxRate = await throughput(`${nginx.base}/${cached}`);
  nginx.stop();
}

// 5. 200 concurrent downloads (the first 64 MiB each), server memory sampled meanwhile.
const rssBefore = treeRss(consoleSrv.pid);
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRss(consoleSrv.pid))), 50);
const results = await Promise.all(
  Array.from({ length: 200 }, () =>
    get(url, { headers: { range: `bytes=0-${64 * MiB - 1}` } }).catch((e) => ({ status: 0, error: e.message })),
  ),
);
clearInterval(sampler);
const errors = results.filter((r) => r.status !== 206 || r.bytes !== 64 * MiB).length;
// 6. Create an infra-env and get a usable link, many times (digests queue up behind).
const linkMs = [];
for (let i = 0; i < 100; i++) {
  const t0 = performance.now();
  const ie = await post("infra-envs", {
    name: `bench-${i}`,
    openshift_version: "4.14",
    cpu_architecture: "x86_64",
    ssh_authorized_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZ3S2Gx6Ahr0e4GKd4rYl2yRIYz2XXGlEjP4i9z8Hdl b@x",
  });
  const link = await (await apiFetch(`${api}/infra-envs/${ie.id}/downloads/image-url`)).json();
  if (!link.url) throw new Error(`no link: ${JSON.stringify(link)}`);
  linkMs.push(performance.now() - t0);
}
await consoleSrv.stop();

const f = (n, d = 1) => n.toFixed(d);
console.log("\nDiscovery ISO benchmark (1 GiB base ISO, loopback)");
console.log(
  `  download throughput        ${f(ours, 2)} GiB/s${nginxRate ? `   nginx ${f(nginxRate, 2)} GiB/s   ratio ${f(ours / nginxRate, 2)} (goal >= 0.95)` : "   (nginx not installed: apt-get install nginx-light)"}`,
);
console.log(
  `  RSS growth, 200 concurrent ${f((rssPeak - rssBefore) / MiB)} MiB (before ${f(rssBefore / MiB)} MiB, peak ${f(rssPeak / MiB)} MiB), errors ${errors} (goal < 64 MiB, 0 errors)`,
);
console.log(
  `  create infra-env -> link   p50 ${f(percentile(linkMs, 50))} ms   p99 ${f(percentile(linkMs, 99))} ms (goal p99 < 50 ms)`,
);
console.log(
  `  time to first byte         p50 ${f(percentile(ttfb, 50))} ms   p99 ${f(percentile(ttfb, 99))} ms (goal < 20 ms)`,
);
