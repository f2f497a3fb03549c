// The production server: a plain Node HTTP server in front of Next's request handler. Downloads
// (ISOs, rootfs, artifacts, recipe archives) are answered here by lib/http/node-downloads.ts, which
// start-up installs on globalThis: Next's response piping is too slow for them and drops Content-Length.
// Being in front of every request, it also applies the request guard (Host, trusted proxies,
// cross-site writes: lib/http/request-guard.mjs) and the security headers every response carries.
import { randomBytes } from "node:crypto";
import http from "node:http";
import v8 from "node:v8";
import next from "next";
import {
  checkRequest,
  FORWARDED_HEADERS,
  guardConfig,
  isTrustedPeer,
  PEER_HEADER,
  peerAddress,
  securityHeaders,
} from "../lib/http/request-guard.mjs";
import { ROOT } from "./db/providers.mjs";

// V8 lets the old generation grow to up to ~2x what survived the last full collection before it
// collects again. Under 1,000 polling agents that kept ~150 MiB of dead request objects resident
// (RSS +160-180 MiB while the live heap stayed ~50-100 MiB); letting it grow by half at most held
// the growth to ~36 MiB with polls and lists no slower (bench:hosts). Read by V8 at every full
// collection, so setting it here, before the app loads, is enough.
v8.setFlagsFromString("--heap-growing-percent=50");

const DOWNLOADS = Symbol.for("archway.nodeDownloads");

/** Headers every response carries unless its handler set its own (a download's sandbox policy). */
const defaultHeaders = new WeakMap();

function addDefaultHeaders(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    for (const [name, value] of Object.entries(defaultHeaders.get(res) ?? {}))
      if (res.getHeader(name) === undefined) res.setHeader(name, value);
    return writeHead.apply(this, args);
  };
}

// The start-up request below (sent to whatever address the server listens on, whatever names are
// allowed) proves itself with a token only this process knows.
const SELF_HEADER = "x-archway-self";
const selfToken = randomBytes(16).toString("hex");

// Pages may run only the scripts this response names (Next's inline bootstrap carries the nonce;
// what they load is trusted through 'strict-dynamic'); nothing frames the console.
function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// A nonce per request, cut from random bytes drawn 4 KiB at a time: one small draw per request cost
// ~70 µs here (a download's or an agent poll's whole budget is a few milliseconds). Each nonce is
// still 16 bytes of the system's CSPRNG, used once.
let nonces = Buffer.alloc(0);
let nonceAt = 0;
function nonce() {
  if (nonceAt + 16 > nonces.length) {
    nonces = randomBytes(4096);
    nonceAt = 0;
  }
  return nonces.toString("base64", nonceAt, (nonceAt += 16));
}

/**
 * Who sent it (for the trusted-proxy check), X-Forwarded-* dropped unless a trusted proxy sent them,
 * then the guard. Next reads a script nonce from the request's Content-Security-Policy header, so
 * the policy goes on the request as well as on the response. Response headers are added just before
 * they are written, and only where the handler set none: Next keeps a header already present, so
 * setting ours first would hide a download's own sandbox policy.
 */
function guard(req, res) {
  const self = req.headers[SELF_HEADER] === selfToken;
  delete req.headers[SELF_HEADER];
  const peer = peerAddress(req.socket.remoteAddress);
  req.headers[PEER_HEADER] = peer;
  if (!isTrustedPeer(policy, peer)) for (const h of FORWARDED_HEADERS) delete req.headers[h];
  // Read after the untrusted X-Forwarded-* are gone, so only a trusted proxy's https counts for HSTS.
  const defaults = securityHeaders(policy, req.headers, { peer });
  defaultHeaders.set(res, defaults);
  const problem = self ? null : checkRequest(policy, { method: req.method, headers: req.headers, peer });
  if (problem) {
    const title = problem.status === 403 ? "Forbidden" : "Bad Request";
    const body = {
      type: `https://archway.dev/problems/${problem.status}`,
      title,
      ...problem,
      code: String(problem.status),
      reason: problem.detail,
    };
    res.writeHead(problem.status, { "Content-Type": "application/problem+json", "Cache-Control": "no-store" });
    res.end(JSON.stringify(body));
    return false;
  }
  const csp = contentSecurityPolicy(nonce());
  req.headers["content-security-policy"] = csp;
  defaults["Content-Security-Policy"] = csp;
  return true;
}

const port = Number(process.env.PORT ?? 3000);
// Only this machine reaches the console unless HOSTNAME says otherwise (0.0.0.0 or an address).
const hostname = process.env.HOSTNAME || "127.0.0.1";
const where = () => `${hostname.includes(":") ? `[${hostname}]` : hostname}:${server.address()?.port ?? port}`;

/** One clear line and a non-zero exit: a supervisor (systemd, CI, a shell) must see the failure. */
function fail(message) {
  console.error(`[archway] cannot start: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`PORT must be a number from 0 to 65535 (got "${process.env.PORT}")`);
let policy;
try {
  policy = guardConfig(process.env);
} catch (err) {
  fail(err.message);
}

const server = http.createServer();
// Listen before Next prepares (migrations run then): a taken port fails in a second, not after start-up work.
await new Promise((resolve) => {
  server.once("error", (err) => {
    const why = {
      EADDRINUSE: "the port is already in use by another program (set PORT to choose another)",
      EACCES: "permission denied (ports below 1024 need root; set PORT)",
      EADDRNOTAVAIL: "no such address on this machine (check HOSTNAME)",
    }[err.code];
    fail(`cannot listen on ${where()}: ${why ?? err.message}`);
  });
  server.listen(port, hostname, resolve);
});

// A worker process (ARCHWAY_ROLE=worker) runs jobs and serves nothing but its liveness.
const workerOnly = process.env.ARCHWAY_ROLE === "worker";

function notServedByWorker(req, res) {
  if (!workerOnly || new URL(req.url ?? "/", "http://x").pathname === "/healthz") return false;
  const detail = "This is a worker process (ARCHWAY_ROLE=worker): it runs jobs and serves only /healthz";
  const body = { type: "https://archway.dev/problems/404", title: "Not Found", status: 404, detail, code: "404" };
  res.writeHead(404, { "Content-Type": "application/problem+json", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ ...body, reason: detail }));
  return true;
}

let handle = null;
server.on("request", (req, res) => {
  addDefaultHeaders(res);
  if (!guard(req, res) || notServedByWorker(req, res)) return;
  if (handle) return globalThis[DOWNLOADS]?.(req, res) || handle(req, res);
  res.writeHead(503, { "Content-Type": "text/plain", "Retry-After": "2" }).end("Archway is starting\n");
});

try {
  const app = next({ dev: false, dir: ROOT, port, hostname });
  await app.prepare();
  handle = app.getRequestHandler();
  // In production Next runs instrumentation (migrations, the image table) only at the first request;
  // send that request ourselves, so a failed start-up exits before "listening" is announced.
  const self = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const host = self.includes(":") ? `[${self}]` : self;
  await fetch(`http://${host}:${server.address().port}/healthz`, {
    headers: { [SELF_HEADER]: selfToken },
  }).catch(() => {});
} catch (err) {
  fail(err?.message ?? String(err));
}
console.log(`[archway] listening on http://${where()}${workerOnly ? " (worker: /healthz only)" : ""}`);
// On a stop signal new connections are refused at once; downloads and live log streams in flight get a
// short grace, then are cut (clients resume: Range, Last-Event-ID), so a supervisor's stop is not
// held up by a BMC fetching an ISO or a browser following a job. Meanwhile this process's worker stops
// its jobs and records how they ended (lib/jobs/workers/stop.ts); the exit waits for both, within a
// bound. Repeated signals change nothing (Ctrl-C under `npm start` reaches this process twice: from the
// terminal and from scripts/start.mjs).
const STOP_GRACE_MS = 5000;
const STOP_JOBS = Symbol.for("archway.stopJobs");
const STOP_LIMIT_MS = 20_000;
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS).unref();
    const jobs = Promise.resolve(globalThis[STOP_JOBS]?.(sig)).catch((err) =>
      console.error(`[archway] stopping the jobs failed: ${err?.message ?? err}`),
    );
    Promise.all([closed, jobs]).then(() => process.exit(0));
    setTimeout(() => {
      console.error(`[archway] not stopped ${STOP_LIMIT_MS / 1000} s after ${sig}: exiting`);
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
  });
