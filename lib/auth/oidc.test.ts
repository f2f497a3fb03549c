// OIDC sign-in against a real OpenID provider (the `oidc-provider` package) on a local port: the
// whole authorization-code flow with PKCE, its login and consent steps, our callback, and the role
// read from the configured claim.
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { auth } from "./auth";
import { authenticate } from "./principal";

const ORIGIN = "http://console.test";
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  alice: { email: "alice@example.test", email_verified: true, name: "Alice", archway_role: "operator" },
  bob: { email: "bob@example.test", email_verified: true, name: "Bob", archway_role: ["admin", "viewer"] },
};

let issuer = "";
let close = () => {};

beforeAll(async () => {
  const provider = new Provider("http://127.0.0.1", {
    clients: [
      {
        client_id: "archway",
        client_secret: "archway-secret-archway-secret-archway-secret",
        redirect_uris: [`${ORIGIN}/api/auth/callback/oidc`],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "archway_role"] },
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, sub: string) =>
      ACCOUNTS[sub] ? { accountId: sub, claims: async () => ({ sub, ...ACCOUNTS[sub] }) } : undefined,
  });
  const server = provider.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.issuer = issuer;
  close = () => server.close();
  Object.assign(process.env, {
    ARCHWAY_OIDC_ISSUER: issuer,
    ARCHWAY_OIDC_CLIENT_ID: "archway",
    ARCHWAY_OIDC_CLIENT_SECRET: "archway-secret-archway-secret-archway-secret",
    ARCHWAY_PUBLIC_URL: ORIGIN,
  });
  resetEnvForTests();
});

afterAll(() => close());

/** A tiny cookie jar: name → value, per side (our console, the provider). */
function jar() {
  const cookies = new Map<string, string>();
  return {
    take(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const i = pair.indexOf("=");
        cookies.set(pair.slice(0, i), pair.slice(i + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

async function signInAs(account: string) {
  const console = jar();
  const start = await auth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/clusters" }),
    }),
  );
  expect(start.status).toBe(200);
  console.take(start);
  let url = ((await start.json()) as { url: string }).url;
  expect(url.startsWith(issuer)).toBe(true);

  // At the provider: follow redirects, answering its login and consent prompts as the user would.
  const op = jar();
  for (let hop = 0; hop < 12 && url.startsWith(issuer); hop++) {
    let res = await fetch(url, { redirect: "manual", headers: { cookie: op.header() } });
    op.take(res);
    if (res.status === 200 && new URL(url).pathname.startsWith("/interaction/")) {
      const prompt = (await res.text()).includes('name="password"') ? "login" : "consent";
      res = await fetch(url, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: op.header(), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(prompt === "login" ? { prompt, login: account, password: "x" } : { prompt }),
      });
      op.take(res);
    }
    url = new URL(res.headers.get("location") ?? "", url).toString();
  }
  expect(url.startsWith(`${ORIGIN}/api/auth/callback/oidc?`)).toBe(true);

  const callback = await auth().handler(new Request(url, { headers: { cookie: console.header() } }));
  expect(callback.status).toBe(302);
  expect(callback.headers.get("location")).toBe("/clusters");
  console.take(callback);
  return new Headers({ cookie: console.header() });
}

describe("OIDC sign-in", () => {
  it("signs in through a real provider and takes the role from the claim", async () => {
    const alice = await authenticate(await signInAs("alice"));
    expect(alice).toMatchObject({ kind: "user", role: "operator" });
    const bob = await authenticate(await signInAs("bob"));
    expect(bob?.role).toBe("admin");
  });

  it("reads the role again at the next sign-in", async () => {
    ACCOUNTS.alice.archway_role = "viewer";
    const alice = await authenticate(await signInAs("alice"));
    expect(alice?.role).toBe("viewer");
  });
});
