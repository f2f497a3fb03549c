// The origin that goes into ISO links and the agent's unit comes from headers only when they are
// a plain host[:port] and http(s); anything else is a 400, never passed on.
import { describe, expect, it } from "vitest";
import { HttpError } from "./errors";
import { publicOrigin } from "./origin";

const req = (headers: Record<string, string>) => new Request("http://localhost:3000/x", { headers });

describe("publicOrigin", () => {
  it.each([
    [{ host: "console.example.com:8080" }, "http://console.example.com:8080"],
    [{ host: "10.0.2.100:3000" }, "http://10.0.2.100:3000"],
    [{ host: "[fd00::1]:3000" }, "http://[fd00::1]:3000"],
    [{ "x-forwarded-host": "Arch.Example.com", "x-forwarded-proto": "https" }, "https://arch.example.com"],
  ])("uses %j", (headers, origin) => {
    expect(publicOrigin(req(headers))).toBe(origin);
  });

  it.each<Record<string, string>>([
    { "x-forwarded-host": "evil.example.com --debug" },
    { "x-forwarded-host": 'a"b' },
    { "x-forwarded-host": "user@evil.example.com" },
    { "x-forwarded-host": "evil.example.com/path" },
    { "x-forwarded-host": "evil.example.com:99999" },
    { "x-forwarded-host": "%0aExecStartPre=x" },
    { "x-forwarded-proto": "javascript" },
  ])("refuses %j with a 400 naming the header", (headers) => {
    let thrown: unknown;
    try {
      publicOrigin(req(headers));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).status).toBe(400);
    expect(Object.keys((thrown as HttpError).errors ?? {})[0]).toMatch(/^headers\./);
  });
});
