// Accounts end to end through the real handlers: first admin, password sign-in and the 429 after
// repeated failures, sessions and sign-out, API tokens (expiry, revocation), and the audit trail.
import { statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as clustersRoute from "@/app/api/assisted-install/v2/clusters/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as tokenRoute from "@/app/api/v1/tokens/[token_id]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as usersRoute from "@/app/api/v1/users/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { call } from "@/test/http";
import { auth } from "./auth";
import { createLocalUser } from "./users";

const ORIGIN = "http://localhost";

async function signIn(username: string, password: string) {
  return auth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/username`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify({ username, password }),
    }),
  );
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("accounts", () => {
  it("created admin at first start with a random password in a 0600 file", () => {
    const file = path.join(env().dataDir, "initial-admin-password");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("signs in with a password, keeps a session cookie, and signs out", async () => {
    await createLocalUser({ username: "olive", password: "olive-password", role: "operator" });
    const res = await signIn("olive", "olive-password");
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/archway\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(res);
    const me = await call(meRoute.GET, { as: "anonymous", headers: { cookie } });
    expect(me.body).toMatchObject({ name: "olive", role: "operator", kind: "user" });

    const out = await auth().handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers: { cookie, Origin: ORIGIN } }),
    );
    expect(out.status).toBe(200);
    expect((await call(meRoute.GET, { as: "anonymous", headers: { cookie } })).status).toBe(401);
  });

  it("admins add users by the API; a bad name is a 400 field by field", async () => {
    const ok = await call(usersRoute.POST, {
      method: "POST",
      body: { username: "dash-name_1.x", password: "long-enough", role: "operator" },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ username: "dash-name_1.x", role: "operator", source: "local" });
    expect((await signIn("dash-name_1.x", "long-enough")).status).toBe(200);
    const bad = await call(usersRoute.POST, {
      method: "POST",
      body: { username: "no spaces", password: "x", role: "root" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(["password", "role", "username"]);
  });

  it("a session ends when it expires", async () => {
    await createLocalUser({ username: "edna", password: "edna-password", role: "viewer" });
    const cookie = cookieOf(await signIn("edna", "edna-password"));
    expect((await call(meRoute.GET, { as: "anonymous", headers: { cookie } })).status).toBe(200);
    const user = await db().user.findUniqueOrThrow({ where: { username: "edna" } });
    await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(meRoute.GET, { as: "anonymous", headers: { cookie } })).status).toBe(401);
  });

  it("answers 429 after repeated failed sign-ins, and audits each failure", async () => {
    await createLocalUser({ username: "fiona", password: "fiona-password", role: "viewer" });
    const max = env().ARCHWAY_LOGIN_MAX_FAILURES;
    for (let i = 0; i < max; i++) expect((await signIn("fiona", "wrong-password")).status).toBe(401);
    expect((await signIn("fiona", "wrong-password")).status).toBe(429);
    // Even the right password waits out the window: the guesser must not learn it was right.
    expect((await signIn("fiona", "fiona-password")).status).toBe(429);
    const audit = await call(auditRoute.GET, { path: "/api/v1/audit?actor=fiona" });
    expect(audit.body.filter((a: { outcome: string }) => a.outcome === "failure")).toHaveLength(max);
  });

  it("refuses anonymous callers with 401 and weaker roles with 403", async () => {
    expect((await call(clustersRoute.GET, { as: "anonymous" })).status).toBe(401);
    expect((await call(clustersRoute.GET, { as: "viewer" })).status).toBe(200);
    const post = await call(clustersRoute.POST, { method: "POST", as: "viewer", body: {} });
    expect(post.status).toBe(403);
    expect(post.body.detail).toMatch(/Requires the operator role/);
    expect((await call(usersRoute.GET, { as: "operator" })).status).toBe(403);
  });

  it("API tokens: shown once, hashed, revocable, and expired ones refused", async () => {
    const made = await call(tokensRoute.POST, {
      method: "POST",
      body: { name: "ci", role: "viewer", expires_in_days: 1 },
    });
    expect(made.status).toBe(201);
    const token = made.body.token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call(meRoute.GET, { as: "anonymous", headers: bearer })).body).toMatchObject({
      name: "token:ci",
      role: "viewer",
    });
    const listed = await call(tokensRoute.GET);
    expect(listed.text).not.toContain(token);
    expect(listed.body.find((t: { name: string }) => t.name === "ci")).toMatchObject({
      role: "viewer",
      revoked_at: null,
    });

    expect((await call(tokenRoute.DELETE, { method: "DELETE", params: { token_id: made.body.id } })).status).toBe(204);
    const after = await call(meRoute.GET, { as: "anonymous", headers: bearer });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await call(meRoute.GET, { as: "anonymous", headers: { authorization: "Bearer arch_nope" } })).status).toBe(
      401,
    );
  });

  it("records writes with the actor in the audit log", async () => {
    const created = await call(clustersRoute.POST, {
      method: "POST",
      path: "/api/assisted-install/v2/clusters",
      as: "operator",
      body: { name: "audited", openshift_version: "4.14", pull_secret: '{"auths":{}}' },
    });
    expect(created.status).toBe(201);
    const audit = await call(auditRoute.GET, { path: "/api/v1/audit?actor=token:test-operator" });
    expect(audit.body[0]).toMatchObject({ action: "create", outcome: "success" });
    expect(audit.body[0].target).toContain(created.body.id);
    expect(Number(audit.headers.get("x-total-count"))).toBeGreaterThan(0);
  });
});
