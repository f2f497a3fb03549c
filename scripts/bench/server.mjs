// Starts the production console on a free loopback port with its own data dir, for benchmarks.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { ROOT } from "../db/providers.mjs";

export function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let bearer = "";

/** fetch with the benchmark's admin token: every console API needs a signed-in caller. */
export function apiFetch(url, init = {}) {
  return fetch(url, { ...init, headers: { authorization: `Bearer ${bearer}`, ...init.headers } });
}

/**
 * GET as an assisted client sends it (gzip accepted, the benchmark's token), timed to the response's
 * last byte on the wire; the body is then decompressed and parsed here, timed apart (`decodeMs`),
 * and its array length given as `rows`:
 * fetch's own gzip decoding of a multi-megabyte list is this client's time, not the console's, and
 * took more than the console's whole answer for the 14 MB clusters list.
 */
export function wireGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(
      url,
      { headers: { authorization: `Bearer ${bearer}`, "accept-encoding": "gzip", ...headers } },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const ms = performance.now() - started;
          const decodeStarted = performance.now();
          let body = Buffer.concat(chunks);
          if (res.headers["content-encoding"] === "gzip") body = gunzipSync(body);
          // Only the row count leaves here: the parsed list (~100 MB of heap for 10,000 clusters)
          // handed to the caller outlived the next request and was collected during its timing.
          let rows;
          try {
            rows = JSON.parse(body.toString("utf8")).length;
          } catch {}
          resolve({
            ms,
            status: res.statusCode,
            headers: res.headers,
            rows,
            decodeMs: performance.now() - decodeStarted,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

/** An admin API token made by the project's CLI on the database the console will use. */
function createToken(env) {
  return execFileSync(
    process.execPath,
    [path.join(ROOT, "bin/archway.mjs"), "token", "create", "--role", "admin", "--name", `bench-${Date.now()}`],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: "utf8",
    },
  ).trim();
}

export async function startConsole(env) {
  const port = await freePort();
  bearer = createToken(env);
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the console under a benchmark.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await apiFetch(`${base}/api/assisted-install/v2/openshift-versions`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    token: bearer,
    pid: child.pid,
    stop: () => new Promise((r) => (child.once("exit", r), child.kill("SIGTERM"))),
    log: () => log,
  };
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(pid) {
  let total = 0;
  const kids = (p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const visit = (p) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {}
    kids(p).forEach(visit);
  };
  visit(pid);
  return total;
}

/** CPU time (user + system) of a process and all its descendants, in seconds. */
export function treeCpuSeconds(pid) {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  const visit = (p) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {}
    try {
      readFileSync(`/proc/${p}/task/${p}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number)
        .forEach(visit);
    } catch {}
  };
  visit(pid);
  return total;
}

export async function waitForBaseImages(base, timeoutMs = 600_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    // A reused keep-alive connection the server has just closed fails once; the next poll reconnects.
    const t = await apiFetch(`${base}/api/assisted-install/v2/os-images`)
      .then((r) => r.json())
      .catch(() => null);
    if (!t) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    const states = t.os_images.map((r) => r.base_image.status);
    if (states.every((s) => s === "ready")) return t;
    if (states.includes("failed"))
      throw new Error(`base image failed: ${JSON.stringify(t.os_images.map((r) => r.base_image))}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("base images not ready in time");
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
