// The production server: a plain Node HTTP server in front of Next's request handler. Downloads
// (ISOs, rootfs, artifacts, recipe archives) are answered here by lib/http/node-downloads.ts, which
// start-up installs on globalThis: Next's response piping is too slow for them and drops Content-Length.
import http from "node:http";
import next from "next";
import { ROOT } from "./db/providers.mjs";

const DOWNLOADS = Symbol.for("archway.nodeDownloads");

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const where = `${hostname ?? "0.0.0.0"}:${port}`;

/** One clear line and a non-zero exit: a supervisor (systemd, CI, a shell) must see the failure. */
function fail(message) {
  console.error(`[archway] cannot start: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`PORT must be a number from 0 to 65535 (got "${process.env.PORT}")`);

const server = http.createServer();
// Listen before Next prepares (migrations run then): a taken port fails in a second, not after start-up work.
await new Promise((resolve) => {
  server.once("error", (err) => {
    const why = {
      EADDRINUSE: "the port is already in use by another program (set PORT to choose another)",
      EACCES: "permission denied (ports below 1024 need root; set PORT)",
      EADDRNOTAVAIL: "no such address on this machine (check HOSTNAME)",
    }[err.code];
    fail(`cannot listen on ${where}: ${why ?? err.message}`);
  });
  server.listen(port, hostname, resolve);
});

let handle = null;
server.on("request", (req, res) => {
  if (handle) return globalThis[DOWNLOADS]?.(req, res) || handle(req, res);
  res.writeHead(503, { "Content-Type": "text/plain", "Retry-After": "2" }).end("Archway is starting\n");
});

try {
  const app = next({ dev: false, dir: ROOT, port, hostname });
  await app.prepare();
  handle = app.getRequestHandler();
  // In production Next runs instrumentation (migrations, the image table) only at the first request;
  // send that request ourselves, so a failed start-up exits before "listening" is announced.
  const self = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const host = self.includes(":") ? `[${self}]` : self;
  await fetch(`http://${host}:${server.address().port}/api/v1/system`).catch(() => {});
} catch (err) {
  fail(err?.message ?? String(err));
}
console.log(`[archway] listening on http://${where}`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
