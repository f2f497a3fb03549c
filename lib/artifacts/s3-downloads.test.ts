// With ARCHWAY_ARTIFACT_STORE=s3://… (a real s3rver), an image artifact uploaded through the IMS API
// lands in the bucket, not under the data dir, and downloads through the one download path, answered
// by the Node server itself as in production (and through the route handler's Web stream, as under
// next dev): whole, HEAD, single ranges, If-None-Match, gzip offered but never applied, the same
// bytes and ETag as uploaded, every limiter slot given back.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as artifactRoute from "@/app/apis/ims/v3/artifacts/[artifact_id]/route";
import * as artifactsRoute from "@/app/apis/ims/v3/artifacts/route";
import { DOWNLOAD_ROUTES } from "@/lib/downloads/node-routes";
import { env, resetEnvForTests } from "@/lib/env";
import { downloadLimiter } from "@/lib/http/limiter";
import { nodeDownloads } from "@/lib/http/node-downloads";
import { call, tokenFor } from "@/test/http";
import { type S3Server, startS3Server } from "@/test/s3-server";
import { store } from "./artifacts";
import { S3ArtifactStore } from "./s3-store";

const SIZE = 9 * 1024 * 1024 + 777; // more than one upload part
const bytes = randomBytes(SIZE);
const sha256 = createHash("sha256").update(bytes).digest("hex");

let s3: S3Server;
let server: http.Server;
let base: string;
let auth: Record<string, string>;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startS3Server();
  Object.assign(process.env, s3.env("site-a"));
  resetEnvForTests();
  const serve = nodeDownloads(DOWNLOAD_ROUTES);
  server = http.createServer((req, res) => {
    if (!serve(req, res)) res.writeHead(418).end("not a download");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  auth = { authorization: `Bearer ${await tokenFor("viewer")}` };
});

afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  await s3?.close();
  process.env = saved;
  resetEnvForTests();
});

describe("checking the S3 store at start", () => {
  it("passes for the configured bucket and names the problem otherwise", async () => {
    await expect(store().check()).resolves.toBeUndefined();
    const config = (store() as S3ArtifactStore).config;
    await expect(new S3ArtifactStore({ ...config, bucket: "no-such-bucket" }).check()).rejects.toThrow(
      `The artifact store s3://no-such-bucket/site-a at ${s3.endpoint} cannot be used: the bucket does not exist`,
    );
    await expect(new S3ArtifactStore({ ...config, endpoint: "http://127.0.0.1:1" }).check()).rejects.toThrow(
      /s3:\/\/archway-test\/site-a at http:\/\/127.0.0.1:1 cannot be used: .*ECONNREFUSED/,
    );
  });
});

describe("artifacts in an S3 store, through the API", () => {
  let id: string;

  it("stores an uploaded image artifact in the bucket under its content address", async () => {
    expect(store()).toBeInstanceOf(S3ArtifactStore);
    const res = await call(artifactsRoute.POST, {
      method: "POST",
      rawBody: bytes,
      headers: { "content-type": "application/vnd.cray.image.rootfs.squashfs" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ size: SIZE, sha256 });
    id = res.body.id;
    const listed = await (store() as S3ArtifactStore).client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "site-a/" }),
    );
    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([
      [`site-a/sha256/${sha256.slice(0, 2)}/${sha256}`, SIZE],
    ]);
    expect(existsSync(path.join(env().dataDir, "artifacts", "sha256"))).toBe(false);
  });

  it("downloads it whole with its ETag and checksums, uncompressed although gzip is offered", async () => {
    const res = await fetch(`${base}/apis/ims/v3/artifacts/${id}`, {
      headers: { ...auth, "accept-encoding": "gzip" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(SIZE));
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("etag")).toBe(`"${sha256}"`);
    expect(res.headers.get("x-checksum-sha256")).toBe(sha256);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("answers HEAD, ranges, 416 and 304 like a file download", async () => {
    const url = `${base}/apis/ims/v3/artifacts/${id}`;
    const head = await fetch(url, { method: "HEAD", headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(SIZE));
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    expect(head.headers.get("etag")).toBe(`"${sha256}"`);

    const ranges: [string, number, number][] = [
      ["bytes=0-0", 0, 0],
      ["bytes=100-199", 100, 199],
      [`bytes=${SIZE - 10}-`, SIZE - 10, SIZE - 1],
      ["bytes=-5", SIZE - 5, SIZE - 1],
      [`bytes=5000000-6000000`, 5_000_000, 6_000_000], // across an upload part boundary
    ];
    for (const [range, start, end] of ranges) {
      const res = await fetch(url, { headers: { ...auth, range, "accept-encoding": "gzip" } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${SIZE}`);
      expect(res.headers.get("content-length")).toBe(String(end - start + 1));
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
    const beyond = await fetch(url, { headers: { ...auth, range: `bytes=${SIZE}-` } });
    expect(beyond.status).toBe(416);
    await beyond.arrayBuffer();
    const cached = await fetch(url, { headers: { ...auth, "if-none-match": `"${sha256}"` } });
    expect(cached.status).toBe(304);
    for (let i = 0; i < 100 && downloadLimiter().inUse > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(downloadLimiter().inUse).toBe(0);
  });

  it("serves the same through the route handler's Web stream body (next dev, route tests)", async () => {
    const whole = await call(artifactRoute.GET, { params: { artifact_id: id }, as: "viewer" });
    expect(whole.status).toBe(200);
    expect(whole.bytes.equals(bytes)).toBe(true);
    const part = await call(artifactRoute.GET, {
      params: { artifact_id: id },
      headers: { range: "bytes=5242870-5242889" },
      as: "viewer",
    });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(bytes.subarray(5242870, 5242890))).toBe(true);
  });

  it("stops reading from S3 when the client goes away", async () => {
    const res = await fetch(`${base}/apis/ims/v3/artifacts/${id}`, { headers: auth });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    for (let i = 0; i < 100 && downloadLimiter().inUse > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(downloadLimiter().inUse).toBe(0);
  });
});
