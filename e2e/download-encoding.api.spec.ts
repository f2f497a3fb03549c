// Downloads are safe to open: they announce the length of what is actually sent: with Accept-Encoding: gzip (every
// browser) a compressible artifact (JSON) must not carry the uncompressed Content-Length, or the
// client waits for bytes that never come.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { uploadArtifactViaApi } from "./ims-fixtures";

type Raw = { status: number; headers: http.IncomingHttpHeaders; bytes: number; ms: number };

function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      let bytes = 0;
      res.on("data", (d: Buffer) => (bytes += d.length));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, ms: Date.now() - started }),
      );
      res.on("error", reject);
    });
    req.setTimeout(5000, () => req.destroy(new Error("timed out waiting for the announced body")));
    req.on("error", reject);
  });
}

test("a JSON artifact fetched with gzip accepted is complete and its length is what was sent", async ({
  request,
  baseURL,
}) => {
  const json = JSON.stringify({ artifacts: Array.from({ length: 400 }, (_, i) => ({ i, type: "x".repeat(20) })) });
  const stored = await uploadArtifactViaApi(request, json, "application/json");
  for (const encoding of ["gzip", "identity"]) {
    const res = await rawGet(`${baseURL}/apis/ims/v3/artifacts/${stored.id}`, { "Accept-Encoding": encoding });
    expect(res.status).toBe(200);
    if (res.headers["content-length"] !== undefined) expect(Number(res.headers["content-length"])).toBe(res.bytes);
    if (encoding === "identity") expect(res.bytes).toBe(Buffer.byteLength(json));
    expect(res.ms).toBeLessThan(3000);
  }
});

test("an uploaded HTML artifact is served as a sandboxed attachment, never as a page of the console", async ({
  request,
  baseURL,
}) => {
  const stored = await uploadArtifactViaApi(request, "<script>fetch('/api/x?'+document.cookie)</script>", "text/html");
  const res = await rawGet(`${baseURL}/apis/ims/v3/artifacts/${stored.id}`, {});
  expect(res.status).toBe(200);
  expect(res.headers["content-disposition"]).toBe(`attachment; filename="${stored.id}"`);
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["content-security-policy"]).toContain("sandbox");
});

test("an artifact downloads through the same path as ISOs: HEAD, Range, ETag, If-None-Match, never compressed", async ({
  request,
  baseURL,
}) => {
  const text = "0123456789abcdefghij".repeat(5000);
  const stored = await uploadArtifactViaApi(request, text, "text/plain");
  const url = `${baseURL}/apis/ims/v3/artifacts/${stored.id}`;
  const head = await request.head(url);
  expect(head.status()).toBe(200);
  expect(head.headers()["content-length"]).toBe(String(text.length));
  expect(head.headers()["accept-ranges"]).toBe("bytes");
  const etag = head.headers().etag;
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  const part = await rawGet(url, { Range: "bytes=10-29", "Accept-Encoding": "gzip" });
  expect(part.status).toBe(206);
  expect(part.headers["content-range"]).toBe(`bytes 10-29/${text.length}`);
  expect(part.headers["content-encoding"]).toBeUndefined();
  expect(Number(part.headers["content-length"])).toBe(20);
  expect(part.bytes).toBe(20);
  const whole = await rawGet(url, { "Accept-Encoding": "gzip, br" });
  expect(whole.headers["content-encoding"]).toBeUndefined();
  expect(whole.bytes).toBe(text.length);
  expect((await rawGet(url, { "If-None-Match": etag })).status).toBe(304);
  expect((await rawGet(url, { Range: `bytes=${text.length}-` })).status).toBe(416);
});
