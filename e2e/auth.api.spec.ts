// Access over real HTTP: anonymous callers get 401 everywhere but the public routes, tokens made by
// the CLI and the API work by role, a revoked token stops at once, and sign-in answers 429 after
// repeated failures.
import { expect, request as newRequest, test } from "@playwright/test";
import { uniqueName } from "./fixtures";

test("without an account only the public routes answer", async ({ baseURL }) => {
  const anon = await newRequest.newContext({ baseURL, extraHTTPHeaders: {} });
  for (const p of ["/api/assisted-install/v2/clusters", "/apis/ims/v3/jobs", "/api/v1/audit", "/api/v1/system"]) {
    const res = await anon.get(p);
    expect(res.status(), p).toBe(401);
    expect(res.headers()["www-authenticate"]).toMatch(/^Bearer/);
  }
  expect((await anon.get("/healthz")).status()).toBe(200);
  // Signed links and the agent API have their own credentials: a bad one is refused by them, not by sign-in.
  expect((await anon.get("/iso/not-a-token/4.14/x86_64/full.iso")).status()).not.toBe(401);
  const page = await anon.get("/clusters", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toMatch(/\/login$/);
  await anon.dispose();
});

test("tokens carry a role, and a revoked one stops working", async ({ request, baseURL }) => {
  const made = await request.post("/api/v1/tokens", { data: { name: uniqueName("viewer"), role: "viewer" } });
  expect(made.status()).toBe(201);
  const { id, token } = await made.json();
  const viewer = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect((await viewer.get("/api/assisted-install/v2/clusters")).status()).toBe(200);
  const denied = await viewer.post("/api/assisted-install/v2/clusters", {
    data: { name: "x", openshift_version: "4.14" },
  });
  expect(denied.status()).toBe(403);
  expect((await denied.json()).detail).toMatch(/Requires the operator role/);
  expect((await request.delete(`/api/v1/tokens/${id}`)).status()).toBe(204);
  expect((await viewer.get("/api/assisted-install/v2/clusters")).status()).toBe(401);
  await viewer.dispose();

  const audit = await (await request.get("/api/v1/audit?action=token.revoke")).json();
  expect(audit[0]).toMatchObject({ actor: "token:e2e", target: `/api/v1/tokens/${id}` });
});

test("sign-in answers 429 after repeated failures", async ({ request, baseURL }) => {
  const username = uniqueName("guess").toLowerCase();
  const made = await request.post("/api/v1/users", { data: { username, password: "right-password", role: "viewer" } });
  expect(made.status()).toBe(201);
  const anon = await newRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL ?? "" } });
  const attempt = (password: string) => anon.post("/api/auth/sign-in/username", { data: { username, password } });
  for (let i = 0; i < 5; i++) expect((await attempt("wrong-password")).status()).toBe(401);
  expect((await attempt("wrong-password")).status()).toBe(429);
  await anon.dispose();
});
