// Every route × every role × anonymous → the expected status. The table below is written out by
// hand (not read from the routes), so a route whose declared access drifts fails here; a route
// missing from the table fails too. Runs on SQLite and, with TEST_PG_ADMIN_URL, on PostgreSQL.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { call } from "../http";

type Expected = Role | "public" | "agent";

const A = "/api/assisted-install/v2";
const I = "/apis/ims/v3";
const TABLE: Record<string, Expected> = {
  [`GET ${A}/clusters`]: "viewer",
  [`POST ${A}/clusters`]: "operator",
  [`GET ${A}/clusters/[cluster_id]`]: "viewer",
  [`PATCH ${A}/clusters/[cluster_id]`]: "operator",
  [`DELETE ${A}/clusters/[cluster_id]`]: "operator",
  [`GET ${A}/events`]: "viewer",
  [`GET ${A}/infra-envs`]: "viewer",
  [`POST ${A}/infra-envs`]: "operator",
  [`GET ${A}/infra-envs/[infra_env_id]`]: "viewer",
  [`PATCH ${A}/infra-envs/[infra_env_id]`]: "operator",
  [`DELETE ${A}/infra-envs/[infra_env_id]`]: "operator",
  [`GET ${A}/infra-envs/[infra_env_id]/downloads/files`]: "operator",
  [`GET ${A}/infra-envs/[infra_env_id]/downloads/image-url`]: "operator",
  [`POST ${A}/infra-envs/[infra_env_id]/regenerate-signing-key`]: "admin",
  [`GET ${A}/infra-envs/[infra_env_id]/hosts`]: "viewer",
  [`POST ${A}/infra-envs/[infra_env_id]/hosts`]: "agent",
  [`GET ${A}/infra-envs/[infra_env_id]/hosts/[host_id]`]: "viewer",
  [`PATCH ${A}/infra-envs/[infra_env_id]/hosts/[host_id]`]: "operator",
  [`DELETE ${A}/infra-envs/[infra_env_id]/hosts/[host_id]`]: "operator",
  [`POST ${A}/infra-envs/[infra_env_id]/hosts/[host_id]/actions/bind`]: "operator",
  [`POST ${A}/infra-envs/[infra_env_id]/hosts/[host_id]/actions/unbind`]: "operator",
  [`GET ${A}/infra-envs/[infra_env_id]/hosts/[host_id]/instructions`]: "agent",
  [`POST ${A}/infra-envs/[infra_env_id]/hosts/[host_id]/instructions`]: "agent",
  [`GET ${A}/openshift-versions`]: "viewer",
  [`GET ${A}/os-images`]: "viewer",
  [`POST ${A}/os-images/[os_image_id]/fetch`]: "admin",
  [`GET /api/v1/system`]: "viewer",
  [`GET /api/v1/workers`]: "viewer",
  [`GET /api/v1/me`]: "viewer",
  [`GET /api/v1/audit`]: "admin",
  [`GET /api/v1/tokens`]: "admin",
  [`POST /api/v1/tokens`]: "admin",
  [`DELETE /api/v1/tokens/[token_id]`]: "admin",
  [`GET /api/v1/users`]: "admin",
  [`POST /api/v1/users`]: "admin",
  [`PATCH /api/v1/users/[user_id]`]: "admin",
  [`DELETE /api/v1/users/[user_id]`]: "admin",
  [`GET ${I}/artifacts/[artifact_id]`]: "viewer",
  [`HEAD ${I}/artifacts/[artifact_id]`]: "viewer",
  [`POST ${I}/artifacts`]: "operator",
  [`GET ${I}/images`]: "viewer",
  [`POST ${I}/images`]: "operator",
  [`GET ${I}/images/[image_id]`]: "viewer",
  [`PATCH ${I}/images/[image_id]`]: "operator",
  [`DELETE ${I}/images/[image_id]`]: "operator",
  [`GET ${I}/jobs`]: "viewer",
  [`POST ${I}/jobs`]: "operator",
  [`GET ${I}/jobs/[job_id]`]: "viewer",
  [`DELETE ${I}/jobs/[job_id]`]: "operator",
  [`POST ${I}/jobs/[job_id]/cancel`]: "operator",
  [`POST ${I}/jobs/[job_id]/retry`]: "operator",
  [`GET ${I}/jobs/[job_id]/logs`]: "viewer",
  [`GET ${I}/public-keys`]: "viewer",
  [`POST ${I}/public-keys`]: "operator",
  [`GET ${I}/public-keys/[public_key_id]`]: "viewer",
  [`DELETE ${I}/public-keys/[public_key_id]`]: "operator",
  [`GET ${I}/recipes`]: "viewer",
  [`POST ${I}/recipes`]: "operator",
  [`GET ${I}/recipes/[recipe_id]`]: "viewer",
  [`PATCH ${I}/recipes/[recipe_id]`]: "operator",
  [`DELETE ${I}/recipes/[recipe_id]`]: "operator",
  [`GET ${I}/recipes/[recipe_id]/archive`]: "viewer",
  [`HEAD ${I}/recipes/[recipe_id]/archive`]: "viewer",
  [`PUT ${I}/recipes/[recipe_id]/archive`]: "operator",
  // Public without an account: BMCs fetch these by a signed link, booted hosts the rootfs.
  [`GET /iso/[token]/[version]/[arch]/[file]`]: "public",
  [`HEAD /iso/[token]/[version]/[arch]/[file]`]: "public",
  [`GET /rootfs/[version]/[arch]/[file]`]: "public",
  [`HEAD /rootfs/[version]/[arch]/[file]`]: "public",
  [`GET /healthz`]: "public",
};

const ROOT = path.resolve(__dirname, "../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
// The sign-in library's own endpoints (sign-in, callback, sign-out) are public by nature.
const LIBRARY = new Set(["/api/auth/[...all]"]);

function routeFiles(): string[] {
  return readdirSync(path.join(ROOT, "app"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === "route.ts")
    .map((e) => `/${path.relative(path.join(ROOT, "app"), e.parentPath)}`)
    .filter((p) => !LIBRARY.has(p))
    .sort();
}

type Handler = Parameters<typeof call>[0];
async function discovered(): Promise<{ key: string; template: string; method: string; handler: Handler }[]> {
  const out = [];
  for (const template of routeFiles()) {
    const mod = (await import(path.join(ROOT, "app", template, "route.ts"))) as Record<string, unknown>;
    for (const method of METHODS)
      if (typeof mod[method] === "function")
        out.push({ key: `${method} ${template}`, template, method, handler: mod[method] as Handler });
  }
  return out;
}

/** Made-up values for every path parameter: nothing exists, so a permitted call gets a 4xx of its own. */
function paramsOf(template: string): { params: Record<string, string>; path: string } {
  const params: Record<string, string> = {};
  const filled = template.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value =
      name === "os_image_id" ? "999999" : name === "file" ? "full.iso" : name === "arch" ? "x86_64" : randomUUID();
    params[name] = value;
    return value;
  });
  return { params, path: filled };
}

const CALLERS = ["anonymous", "viewer", "operator", "admin"] as const;
const RANK = { viewer: 1, operator: 2, admin: 3 } as const;

function expectedFor(access: Expected, caller: (typeof CALLERS)[number]): "401" | "403" | "allowed" {
  if (access === "public") return "allowed";
  // The agent API has its own credential (X-Secret-Key); a console account does not stand in for it.
  if (access === "agent") return "401";
  if (caller === "anonymous") return "401";
  return RANK[caller] >= RANK[access] ? "allowed" : "403";
}

describe("route access", () => {
  it("every route and method is in the table, and the table names no route that is gone", async () => {
    const keys = (await discovered()).map((r) => r.key).sort();
    expect(keys).toEqual(Object.keys(TABLE).sort());
  });

  it("answers every route × role × anonymous as the table says", async () => {
    const failures: string[] = [];
    for (const r of await discovered()) {
      const access = TABLE[r.key];
      if (!access) continue;
      for (const caller of CALLERS) {
        const { params, path: url } = paramsOf(r.template);
        const res = await call(r.handler, {
          method: r.method,
          path: url,
          params,
          as: caller,
          ...(["POST", "PUT", "PATCH"].includes(r.method) ? { body: {} } : {}),
        });
        const want = expectedFor(access, caller);
        const got = res.status === 401 ? "401" : res.status === 403 ? "403" : "allowed";
        if (got !== want || res.status >= 500) failures.push(`${r.key} as ${caller}: ${res.status}, expected ${want}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
