// A download source that would take minutes: it announces 1 GiB and sends 64 KiB every 50 ms, so a
// fetch of it is surely still running when a test stops it (cancel, a worker's stop), and `served`
// shows whether the client really went away.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type DribblingSource = { url: string; served: () => number; close: () => void };

export async function dribblingSource(name = "slow.iso"): Promise<DribblingSource> {
  let served = 0;
  const server = http
    .createServer((_req, res) => {
      res.writeHead(200, { "content-length": String(1024 ** 3), "content-type": "application/octet-stream" });
      const timer = setInterval(() => {
        served += 65536;
        res.write(Buffer.alloc(65536));
      }, 50);
      res.on("close", () => clearInterval(timer));
    })
    .listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}`,
    served: () => served,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
