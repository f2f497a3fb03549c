// The browser's table of which role each control needs agrees with the server: each action's route,
// called for real, refuses (403) the role just below the one written in ACTIONS and lets that role through.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call } from "@/test/http";
import { ACTIONS } from "./actions";
import { ROLES } from "./roles";

const ROOT = path.resolve(__dirname, "../..");

type Handler = Parameters<typeof call>[0];

async function handlerOf(route: string): Promise<{ method: string; template: string; handler: Handler }> {
  const [method, template] = route.split(" ");
  const mod = (await import(path.join(ROOT, "app", template, "route.ts"))) as Record<string, unknown>;
  expect(typeof mod[method], `${route} exists`).toBe("function");
  return { method, template, handler: mod[method] as Handler };
}

/** Made-up path parameters: nothing exists, so an allowed call gets a 4xx of its own (never 401/403). */
function fill(template: string): { params: Record<string, string>; path: string } {
  const params: Record<string, string> = {};
  const filled = template.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    params[name] = name === "os_image_id" ? "999999" : randomUUID();
    return params[name];
  });
  return { params, path: filled };
}

describe("the UI's action roles", () => {
  for (const [action, { route, needs }] of Object.entries(ACTIONS)) {
    it(`${action} (${route}) needs ${needs}`, async () => {
      const { method, template, handler } = await handlerOf(route);
      const { params, path: url } = fill(template);
      const body = method === "GET" ? undefined : {};
      const below = ROLES[ROLES.indexOf(needs) - 1];
      const refused = await call(handler, { method, path: url, params, body, as: below });
      expect(refused.status, `${below} on ${route}`).toBe(403);
      const allowed = await call(handler, { method, path: url, params, body, as: needs });
      expect([401, 403], `${needs} on ${route}: ${allowed.text}`).not.toContain(allowed.status);
    });
  }
});
