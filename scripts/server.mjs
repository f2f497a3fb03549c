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
      res.removeHeader("transfer-encoding");
      res.setHeader("content-length", length);
    }
    return writeHead.apply(this, args);
  };
}

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const app = next({ dev: false, dir: ROOT, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  restoreContentLength(res);
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`[archway] listening on http://${hostname ?? "0.0.0.0"}:${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
