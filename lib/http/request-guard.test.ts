// The guard scripts/server.mjs applies to every request: forged Host (and DNS rebinding) refused,
// X-Forwarded-* honoured only from a trusted proxy, cross-site writes refused, scripts let through.
import os from "node:os";
import { describe, expect, it } from "vitest";
import {
  checkRequest,
  guardConfig,
  HSTS,
  hostName,
  isTrustedPeer,
  requestedOrigin,
  securityHeaders,
} from "./request-guard.mjs";

const defaults = guardConfig({});
const check = (headers: Record<string, string>, method = "GET", peer = "127.0.0.1", config = defaults) =>
  checkRequest(config, { method, headers, peer });

describe("Host", () => {
  it("answers to localhost, the loopback addresses and this machine's own name by default", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", os.hostname(), `${os.hostname()}:80`])
      expect(check({ host }), host).toBeNull();
  });

  it("refuses any other Host with a 400 naming the header (forged Host, DNS rebinding)", () => {
    for (const host of ["evil.example.com", "attacker.test:3000", "127.0.0.1.nip.io"])
      expect(check({ host })).toMatchObject({
        status: 400,
        errors: { "headers.Host": ["Not one of this console's names"] },
      });
    expect(check({})).toMatchObject({ status: 400 });
    expect(check({ host: "a b" })).toMatchObject({ status: 400, errors: { "headers.Host": ["Not a host[:port]"] } });
  });

  it("ARCHWAY_ALLOWED_HOSTS replaces the defaults; the hosts of the public and agent URLs always count", () => {
    const config = guardConfig({
      ARCHWAY_ALLOWED_HOSTS: "console.example.com, *.lab.example.org",
      ARCHWAY_PUBLIC_URL: "https://archway.example.net",
      ARCHWAY_AGENT_URL: "http://10.9.8.7:3000",
    });
    for (const host of ["console.example.com", "a.lab.example.org:443", "archway.example.net", "10.9.8.7:3000"])
      expect(check({ host }, "GET", "127.0.0.1", config), host).toBeNull();
    for (const host of ["localhost", "lab.example.org.evil.com", "example.com"])
      expect(check({ host }, "GET", "127.0.0.1", config)?.status, host).toBe(400);
    expect(
      check({ host: "anything.example" }, "GET", "127.0.0.1", guardConfig({ ARCHWAY_ALLOWED_HOSTS: "*" })),
    ).toBeNull();
  });

  it("reads names without port, brackets, case or trailing dot", () => {
    expect(["Console.Example.COM:8080", "[FD00::1]:3000", "fd00::1", "example.com."].map(hostName)).toEqual([
      "console.example.com",
      "fd00::1",
      "fd00::1",
      "example.com",
    ]);
  });
});

describe("X-Forwarded-*", () => {
  const config = guardConfig({ ARCHWAY_TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32, 192.168.1.5" });
  const forwarded = { host: "localhost:3000", "x-forwarded-host": "127.0.0.1:8443", "x-forwarded-proto": "https" };

  it("are ignored from a peer that is not a trusted proxy", () => {
    expect(requestedOrigin(config, forwarded, { peer: "192.168.1.6" })).toEqual({
      proto: "http",
      host: "localhost:3000",
      trusted: false,
    });
    // A forged X-Forwarded-Host from an untrusted peer changes nothing, so it is not refused either.
    expect(check({ ...forwarded, "x-forwarded-host": "evil.example.com" }, "GET", "192.168.1.6", config)).toBeNull();
  });

  it("are honoured from a trusted proxy (addresses, CIDR blocks, IPv4-mapped IPv6 peers)", () => {
    for (const peer of ["10.1.2.3", "::ffff:10.1.2.3", "2001:db8::7", "192.168.1.5"]) {
      expect(isTrustedPeer(config, peer), peer).toBe(true);
      expect(requestedOrigin(config, forwarded, { peer }).host).toBe("127.0.0.1:8443");
    }
    expect(check({ ...forwarded, "x-forwarded-host": "evil.example.com" }, "GET", "10.1.2.3", config)).toMatchObject({
      status: 400,
      errors: { "headers.X-Forwarded-Host": ["Not one of this console's names"] },
    });
  });

  it("a malformed ARCHWAY_TRUSTED_PROXIES is a start-up error naming the entry", () => {
    for (const bad of ["proxy.example.com", "10.0.0.0/33", "10.0.0.1/8/1", "::1/200"])
      expect(() => guardConfig({ ARCHWAY_TRUSTED_PROXIES: bad }), bad).toThrow(/ARCHWAY_TRUSTED_PROXIES/);
  });
});

describe("writes", () => {
  const host = "127.0.0.1:3000";

  it("from another site are refused with a 403 (a cross-site form post or fetch)", () => {
    expect(check({ host, origin: "https://evil.example.com" }, "POST")).toMatchObject({
      status: 403,
      errors: { "headers.Origin": ["Not this console's origin"] },
    });
    expect(check({ host, origin: "null" }, "DELETE")?.status).toBe(403);
    expect(check({ host, "sec-fetch-site": "cross-site" }, "PATCH")?.status).toBe(403);
    expect(check({ host, "sec-fetch-site": "same-site" }, "PUT")?.status).toBe(403);
  });

  it("with cookies need Origin or Sec-Fetch-Site: same-origin", () => {
    expect(check({ host, cookie: "session=x" }, "POST")).toMatchObject({ status: 403 });
    expect(check({ host, cookie: "session=x", "sec-fetch-site": "same-origin" }, "POST")).toBeNull();
    expect(check({ host, cookie: "session=x", origin: `http://${host}` }, "POST")).toBeNull();
  });

  it("from the console's own pages, the public URL, or scripts without cookies pass", () => {
    expect(check({ host, origin: `http://${host}`, "sec-fetch-site": "same-origin" }, "POST")).toBeNull();
    const config = guardConfig({ ARCHWAY_PUBLIC_URL: "https://archway.example.net" });
    expect(check({ host, origin: "https://archway.example.net" }, "POST", "127.0.0.1", config)).toBeNull();
    expect(check({ host }, "POST")).toBeNull(); // curl, the discovery agent
  });

  it("reads are never refused for their Origin", () => {
    expect(check({ host, origin: "https://evil.example.com", cookie: "a=b" }, "GET")).toBeNull();
  });
});

describe("security headers", () => {
  const local = { host: "localhost:3000" };
  const proxied = { ...local, "x-forwarded-proto": "https" };

  it("every response opens its own browsing context, is not sniffed, framed or referred", () => {
    expect(securityHeaders(defaults, local, { peer: "127.0.0.1" })).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });

  it("Strict-Transport-Security only when served over https: the public URL, TLS, or a trusted proxy says so", () => {
    const hsts = (config: ReturnType<typeof guardConfig>, headers: Record<string, string>, peer = "127.0.0.1") =>
      securityHeaders(config, headers, { peer })["Strict-Transport-Security"];
    expect(hsts(defaults, local)).toBeUndefined();
    expect(hsts(guardConfig({ ARCHWAY_PUBLIC_URL: "http://archway.example.net" }), local)).toBeUndefined();
    expect(hsts(guardConfig({ ARCHWAY_PUBLIC_URL: "https://archway.example.net" }), local)).toBe(HSTS);
    expect(securityHeaders(defaults, local, { peer: "127.0.0.1", encrypted: true })["Strict-Transport-Security"]).toBe(
      HSTS,
    );
    const behindProxy = guardConfig({ ARCHWAY_TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(hsts(behindProxy, proxied, "10.1.2.3")).toBe(HSTS);
    // The same header from a peer that is not a trusted proxy says nothing about the browser's connection.
    expect(hsts(behindProxy, proxied, "192.168.1.6")).toBeUndefined();
    expect(hsts(behindProxy, { ...local, "x-forwarded-proto": "http" }, "10.1.2.3")).toBeUndefined();
    expect(HSTS).toMatch(/^max-age=\d{7,}$/);
  });
});
