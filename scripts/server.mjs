// The production server: Next's request handler behind a plain Node HTTP server. It exists for
// one reason: Next drops Content-Length from route-handler responses (send-response.js), and ISO
// downloads need it (HEAD, BMC virtual media, progress bars). Handlers that know their length
// also send X-Archway-Content-Length; here it becomes the real header before anything is written.
import http from "node:http";
import next from "next";
import { ROOT } from "./db/providers.mjs";

const LENGTH = "x-archway-content-length";

function restoreContentLength(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const length = res.getHeader(LENGTH);
    if (length !== undefined) {
      res.removeHeader(LENGTH);
      // A compressed body is shorter than the file: announcing the file's length would leave the
      // client waiting for bytes that never come (seen: Images pages hung ~6 s on gzip'd JSON).
      if (res.getHeader("content-encoding") === undefined) {
        res.removeHeader("transfer-encoding");
        res.setHeader("content-length", length);
      }
    }
    return writeHead.apply(this, args);
  };
}

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
  restoreContentLength(res);
  if (handle) return handle(req, res);
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
  await fetch(`http://${host}:${server.address().port}/healthz`).catch(() => {});
} catch (err) {
  fail(err?.message ?? String(err));
}
console.log(`[archway] listening on http://${where}`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
