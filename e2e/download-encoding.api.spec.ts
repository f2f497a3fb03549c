// Downloads are safe to open: they announce the length of what is actually sent: with Accept-Encoding: gzip (every
// browser) a compressible artifact (JSON) must not carry the uncompressed Content-Length, or the
// client waits for bytes that never come.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { createClusterViaApi, createInfraEnvViaApi, uniqueName } from "./fixtures";
import { IMS, uploadArtifactViaApi } from "./ims-fixtures";

type Raw = { status: number; headers: http.IncomingHttpHeaders; bytes: number; ms: number; body: Buffer };

function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // The api project's token (its fixture sends it; node:http does not).
    const auth = { authorization: `Bearer ${process.env.E2E_TOKEN}` };
    const req = http.get(url, { headers: { ...auth, ...headers }, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        const body = Buffer.concat(parts);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes: body.length,
          ms: Date.now() - started,
          body,
        });
      });
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

test("every JSON and download route asked with gzip completes, announces the length it sends and decodes", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const cluster = await createClusterViaApi(request, {
    name: uniqueName("gzip"),
    openshift_version: "4.14",
    cpu_architecture: "x86_64",
  });
  const infraEnv = await createInfraEnvViaApi(request, {
    name: uniqueName("gzip-ie"),
    openshift_version: "4.14",
    cpu_architecture: "x86_64",
  });
  const stored = await uploadArtifactViaApi(request, "x".repeat(50_000), "text/plain");
  const V2 = "/api/assisted-install/v2";
  let link: { url: string } | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`${V2}/infra-envs/${infraEnv.id}/downloads/image-url`);
        if (res.status() === 200) link = await res.json();
        return res.status();
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(200);
  const json = [
    `${V2}/clusters`,
    `${V2}/clusters/${cluster.id}`,
    `${V2}/infra-envs`,
    `${V2}/infra-envs/${infraEnv.id}`,
    `${V2}/infra-envs/${infraEnv.id}/hosts`,
    `${V2}/infra-envs/${infraEnv.id}/downloads/image-url`,
    `${V2}/events?cluster_id=${cluster.id}`,
    `${V2}/openshift-versions`,
    `${V2}/os-images`,
    `${IMS}/images`,
    `${IMS}/recipes`,
    `${IMS}/jobs`,
    `${IMS}/public-keys`,
    "/api/v1/system",
  ];
  for (const path of json) {
    const res = await rawGet(`${baseURL}${path}`, { "Accept-Encoding": "gzip" });
    expect(res.status, path).toBe(200);
    if (res.headers["content-length"] !== undefined)
      expect(Number(res.headers["content-length"]), path).toBe(res.bytes);
    const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(res.body) : res.body;
    expect(() => JSON.parse(body.toString("utf8")), path).not.toThrow();
    expect(res.ms, path).toBeLessThan(3000);
  }
  const downloads = [
    [`${baseURL}/apis/ims/v3/artifacts/${stored.id}`, 50_000],
    [link!.url, 1024 * 1024],
  ] as const;
  for (const [url, bytes] of downloads) {
    const res = await rawGet(url, { "Accept-Encoding": "gzip", Range: `bytes=0-${bytes - 1}` });
    expect(res.status, url).toBe(206);
    expect(res.headers["content-encoding"], url).toBeUndefined();
    expect(Number(res.headers["content-length"]), url).toBe(bytes);
    expect(res.bytes, url).toBe(bytes);
  }
});
