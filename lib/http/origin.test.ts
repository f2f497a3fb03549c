// The origin that goes into ISO links and the agent's unit: only from one of the console's names
// (ARCHWAY_ALLOWED_HOSTS), only http(s), and from X-Forwarded-* only when the peer is a trusted proxy;
// anything else is a 400, never passed on.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { HttpError } from "./errors";
import { publicOrigin } from "./origin";

const req = (headers: Record<string, string>) => new Request("http://localhost:3000/x", { headers });
const saved = { ...process.env };

function thrown(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    return err as HttpError;
  }
  throw new Error("expected a refusal");
}

beforeEach(() => {
  process.env.ARCHWAY_ALLOWED_HOSTS = "console.example.com,10.0.2.100,fd00::1,arch.example.com";
  process.env.ARCHWAY_TRUSTED_PROXIES = "10.0.0.0/8";
  delete process.env.ARCHWAY_PUBLIC_URL;
  delete process.env.ARCHWAY_AGENT_URL;
  resetEnvForTests();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("publicOrigin", () => {
  it.each([
    [{ host: "console.example.com:8080" }, "http://console.example.com:8080"],
    [{ host: "10.0.2.100:3000" }, "http://10.0.2.100:3000"],
    [{ host: "[fd00::1]:3000" }, "http://[fd00::1]:3000"],
    [
      {
        host: "10.0.2.100",
        "x-forwarded-host": "Arch.Example.com",
        "x-forwarded-proto": "https",
        "x-archway-peer": "10.1.2.3",
      },
      "https://arch.example.com",
    ],
  ])("uses %j", (headers, origin) => {
    expect(publicOrigin(req(headers))).toBe(origin);
  });

  it("ignores X-Forwarded-* from a peer that is not a trusted proxy", () => {
    const headers = {
      host: "console.example.com",
      "x-forwarded-host": "evil.example.com",
      "x-forwarded-proto": "https",
    };
    expect(publicOrigin(req({ ...headers, "x-archway-peer": "192.168.1.9" }))).toBe("http://console.example.com");
    expect(publicOrigin(req(headers))).toBe("http://console.example.com");
  });

  it("refuses a Host that is not one of the console's names (forged Host, DNS rebinding)", () => {
    const err = thrown(() => publicOrigin(req({ host: "evil.example.com" })));
    expect(err.status).toBe(400);
    expect(err.errors).toEqual({ "headers.Host": ["Not one of this console's names"] });
    const fwd = thrown(() =>
      publicOrigin(
        req({ host: "console.example.com", "x-forwarded-host": "evil.example.com", "x-archway-peer": "10.0.0.1" }),
      ),
    );
    expect(fwd.errors).toEqual({ "headers.X-Forwarded-Host": ["Not one of this console's names"] });
  });

  it("allows the hosts of ARCHWAY_PUBLIC_URL and ARCHWAY_AGENT_URL even when not listed", () => {
    process.env.ARCHWAY_AGENT_URL = "http://agents.example.net:8080";
    resetEnvForTests();
    expect(publicOrigin(req({ host: "agents.example.net:8080" }))).toBe("http://agents.example.net:8080");
  });

  it.each<Record<string, string>>([
    { "x-forwarded-host": "evil.example.com --debug" },
    { "x-forwarded-host": 'a"b' },
    { "x-forwarded-host": "user@evil.example.com" },
    { "x-forwarded-host": "evil.example.com/path" },
    { "x-forwarded-host": "console.example.com:99999" },
    { "x-forwarded-host": "%0aExecStartPre=x" },
    { "x-forwarded-proto": "javascript" },
  ])("refuses %j from a trusted proxy with a 400 naming the header", (headers) => {
    const err = thrown(() =>
      publicOrigin(req({ host: "console.example.com", "x-archway-peer": "10.0.0.1", ...headers })),
    );
    expect(err.status).toBe(400);
    expect(Object.keys(err.errors ?? {})[0]).toMatch(/^headers\./);
  });
});
