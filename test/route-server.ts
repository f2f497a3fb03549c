// The app's real route handlers behind a real HTTP server, for tests whose client is not in this
// process (a booted VM's agent, a download tool): app/**/route.ts matched the way Next's app router
// does ([param] segments, (group) folders skipped), Web Request in, Web Response out (downloads carry
// their Content-Length). No `next build` needed.
import { readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { pattern: RegExp; names: string[]; file: string; depth: number };

const APP = path.join(process.cwd(), "app");

function routeFiles(dir: string, rel: string[] = []): { file: string; segments: string[] }[] {
  const out: { file: string; segments: string[] }[] = [];
  for (const e of readdirSync(path.join(dir, ...rel), { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...routeFiles(dir, [...rel, e.name]));
    else if (e.name === "route.ts") out.push({ file: path.join(dir, ...rel, e.name), segments: rel });
  }
  return out;
}

function compile(): Route[] {
  return routeFiles(APP)
    .map(({ file, segments }) => {
      const names: string[] = [];
      const parts = segments
        .filter((s) => !/^\(.*\)$/.test(s))
        .map((s) => {
          const param = /^\[(\w+)\]$/.exec(s);
          if (!param) return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(param[1]);
          return "([^/]+)";
        });
      return { pattern: new RegExp(`^/${parts.join("/")}$`), names, file, depth: parts.length };
    })
    .sort((a, b) => a.names.length - b.names.length); // static segments win over [params]
}

export type RouteServer = {
  port: number;
  url: string;
  close: () => Promise<void>;
  requests: string[];
  /** Imports the route module serving `pathname` ahead of its first request. */
  load: (pathname: string) => Promise<void>;
};

/** Listens on 127.0.0.1 (a free port); `requests` records "METHOD /path STATUS" of every request. */
export async function startRouteServer(): Promise<RouteServer> {
  const routes = compile();
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    try {
      const route = routes.find((r) => r.pattern.test(url.pathname));
      const mod = route ? ((await import(route.file)) as Record<string, Handler>) : undefined;
      const handler = mod?.[req.method ?? "GET"];
      if (!route || !handler) {
        res.writeHead(404, { "content-type": "text/plain" }).end("no such route\n");
        requests.push(`${req.method} ${url.pathname} 404`);
        return;
      }
      const match = route.pattern.exec(url.pathname)!;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(url, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
        ),
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        duplex: hasBody ? "half" : undefined,
      } as RequestInit);
      const response = await handler(request, { params: Promise.resolve(params) });
      const headers = Object.fromEntries(response.headers);
      res.writeHead(response.status, headers);
      requests.push(`${req.method} ${url.pathname} ${response.status}`);
      if (!response.body || req.method === "HEAD") {
        res.end();
        return;
      }
      Readable.fromWeb(response.body as never)
        .on("error", () => res.destroy())
        .pipe(res);
    } catch (err) {
      requests.push(`${req.method} ${url.pathname} 500`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`${(err as Error).stack}\n`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    load: async (pathname) => {
      const route = routes.find((r) => r.pattern.test(pathname));
      if (!route) throw new Error(`No route serves ${pathname}`);
      await import(route.file);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
