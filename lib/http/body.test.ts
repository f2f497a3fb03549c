// The JSON body reader: nesting is limited before parsing, and the bytes must be UTF-8.
import { describe, expect, it } from "vitest";
import { readJsonBody } from "./body";
import { HttpError } from "./errors";

describe("readJsonBody", () => {
  const post = (body: string | Uint8Array, type = "application/json") =>
    readJsonBody(
      new Request("http://x/", { method: "POST", body: body as BodyInit, headers: { "content-type": type } }),
      1 << 20,
    );
  const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

  it("accepts 64 levels of nesting and refuses 65, and 200,000, before parsing", async () => {
    expect(await post(nested(64))).toBeInstanceOf(Array);
    for (const depth of [65, 200_000]) {
      const err = (await post(nested(depth)).catch((e) => e)) as HttpError;
      expect(err).toBeInstanceOf(HttpError);
      expect(err.status).toBe(400);
      expect(err.errors?.body).toEqual(["At most 64 levels of nested arrays and objects"]);
    }
  });

  it("does not count brackets inside strings", async () => {
    expect(await post(JSON.stringify({ a: "[".repeat(1000) }))).toEqual({ a: "[".repeat(1000) });
  });

  it.each([
    ["a lone continuation byte", [0x80]],
    ["an overlong encoding", [0xc0, 0xaf]],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80]],
    ["a truncated sequence", [0xe2, 0x82]],
  ])("refuses invalid UTF-8: %s", async (_, bad) => {
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bad), Buffer.from('"}')]);
    const err = (await post(new Uint8Array(bytes)).catch((e) => e)) as HttpError;
    expect(err.status).toBe(400);
    expect(err.errors?.body).toEqual(["Send the body as UTF-8 JSON"]);
  });

  it("still reads UTF-8 text, with or without a byte order mark", async () => {
    expect(await post('{"name":"café 集群"}')).toEqual({ name: "café 集群" });
    expect(await post(new Uint8Array(Buffer.from('\ufeff{"a":1}')))).toEqual({ a: 1 });
  });
});
