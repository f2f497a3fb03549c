// Every route the Node server answers itself is also an app/ route file (what `next dev` and the
// route tests use) at the same path, for the same method, with the very same handler: the two ways
// in cannot drift apart.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DownloadRoute } from "@/lib/http/node-downloads";
import { AGENT_ROUTES, DOWNLOAD_ROUTES, LINK_ROUTES, LIST_ROUTES } from "./node-routes";

const routes: DownloadRoute[] = [...DOWNLOAD_ROUTES, ...AGENT_ROUTES, ...LIST_ROUTES, ...LINK_ROUTES];

/** /iso/:token/x → app/iso/[token]/x/route.ts */
const fileOf = (p: string) =>
  path.join(
    process.cwd(),
    "app",
    ...p
      .split("/")
      .filter(Boolean)
      .map((s) => (s.startsWith(":") ? `[${s.slice(1)}]` : s)),
    "route.ts",
  );

describe("the routes the Node server answers", () => {
  it.each(routes.map((r) => [`${r.method ?? "GET"} ${r.path}`, r] as const))(
    "%s has its app/ route file",
    async (_, r) => {
      const file = fileOf(r.path);
      expect(existsSync(file), file).toBe(true);
      const mod = (await import(file)) as Record<string, unknown>;
      expect(mod[r.method ?? "GET"]).toBe(r.handler);
    },
  );

  it("has no path answered twice for one method", () => {
    const keys = routes.map((r) => `${r.method ?? "GET"} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
