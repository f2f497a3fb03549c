// The artifact store contract (store.ts), one table of cases run against both stores: the local one
// on real files and the S3 one against a real S3 protocol server (s3rver, test/s3-server.ts).
// Digests match node:crypto, ranges are inclusive, identical content is stored once, the size cap
// answers 413, and a failed or aborted put leaves nothing behind (no file, object or multipart upload).
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type S3Server, startS3Server } from "@/test/s3-server";
import { LocalArtifactStore } from "./local-store";
import { S3ArtifactStore } from "./s3-store";
import { type ArtifactStore, ArtifactTooLargeError } from "./store";

const MiB = 1024 * 1024;

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.close());

type Subject = {
  store: ArtifactStore /** every file or object it holds, and every upload in progress */;
  contents: () => Promise<string[]>;
};

function localSubject(): Subject {
  const root = mkdtempSync(path.join(tmpdir(), "artifacts-"));
  const store = new LocalArtifactStore(root);
  const contents = async () =>
    readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(root, f)).isFile());
  return { store, contents };
}

let prefixes = 0;
function s3Subject(): Subject {
  const prefix = `contract-${++prefixes}`;
  const store = new S3ArtifactStore({
    bucket: s3.bucket,
    prefix,
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    partSize: 5 * MiB, // S3's minimum, so a few MiB already make a multipart upload
  });
  const contents = async () => {
    const listed = await store.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${prefix}/` }));
    const objects = (listed.Contents ?? []).map((o) => o.Key!.slice(prefix.length + 1));
    const uploads = (await s3.pendingUploads()).filter((u) => u.key.startsWith(`${prefix}/`));
    return [...objects, ...uploads.map((u) => `upload ${u.key}`)];
  };
  return { store, contents };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** `total` bytes in 64 KiB chunks made on demand, hashed as they go out; `failAt`: the source breaks there. */
function generated(total: number, failAt = Number.POSITIVE_INFINITY) {
  const sha256 = createHash("sha256");
  const md5 = createHash("md5");
  const block = randomBytes(64 * 1024);
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= failAt) return this.destroy(new Error("connection reset"));
      if (sent >= total) return this.push(null);
      const n = Math.min(block.length, total - sent);
      const chunk = Buffer.from(block.subarray(0, n));
      chunk.writeUInt32BE(sent / 65536, 0); // every chunk differs
      sent += n;
      sha256.update(chunk);
      md5.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, digests: () => ({ sha256: sha256.digest("hex"), md5: md5.digest("hex") }) };
}

const blobKey = (sha256: string) => `sha256/${sha256.slice(0, 2)}/${sha256}`;

describe.each([
  ["the local store", localSubject],
  ["the S3 store", s3Subject],
])("%s keeps the artifact store contract", (_name, subject) => {
  it("stores and reads back a blob, with sha256 and md5 of its bytes", async () => {
    const { store, contents } = subject();
    const bytes = randomBytes(300_000);
    const blob = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), {
      contentType: "application/octet-stream",
    });
    expect(blob).toEqual({
      key: blobKey(blob.sha256),
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      md5: createHash("md5").update(bytes).digest("hex"),
    });
    expect((await readAll(store.get(blob.key))).equals(bytes)).toBe(true);
    expect(await store.stat(blob.key)).toEqual({ size: bytes.length });
    expect(await contents()).toEqual([blob.key]);
  });

  it("stores an empty blob", async () => {
    const { store } = subject();
    const blob = await store.put(Readable.from([]), { contentType: "text/plain" });
    expect(blob.size).toBe(0);
    expect(blob.sha256).toBe(createHash("sha256").digest("hex"));
    expect((await readAll(store.get(blob.key))).length).toBe(0);
  });

  it("streams a blob of several upload parts through, digests computed on the way", async () => {
    const { store, contents } = subject();
    const { stream, digests } = generated(12 * MiB + 12345);
    const blob = await store.put(stream, { contentType: "application/octet-stream" });
    expect(blob.size).toBe(12 * MiB + 12345);
    expect({ sha256: blob.sha256, md5: blob.md5 }).toEqual(digests());
    const back = await readAll(store.get(blob.key));
    expect(createHash("sha256").update(back).digest("hex")).toBe(blob.sha256);
    expect(await contents()).toEqual([blob.key]);
  });

  it("serves inclusive byte ranges", async () => {
    const { store } = subject();
    const blob = await store.put(Readable.from([Buffer.from("0123456789")]), { contentType: "text/plain" });
    const cases: [number, number, string][] = [
      [0, 0, "0"],
      [2, 5, "2345"],
      [7, 9, "789"],
      [9, 20, "9"],
    ];
    for (const [start, end, want] of cases) expect(await text(store.get(blob.key, { start, end }))).toBe(want);
    expect(() => store.get(blob.key, { start: 5, end: 4 })).toThrow(RangeError);
    expect(() => store.get(blob.key, { start: -1, end: 4 })).toThrow(RangeError);
  });

  it("keeps one copy of identical content", async () => {
    const { store, contents } = subject();
    const a = await store.put(Readable.from([Buffer.from("same bytes")]), { contentType: "text/plain" });
    const b = await store.put(Readable.from([Buffer.from("same "), Buffer.from("bytes")]), {
      contentType: "text/x-other",
    });
    expect(b).toEqual(a);
    expect(await contents()).toEqual([a.key]);
  });

  it("stops at maxBytes with a 413 and leaves nothing behind", async () => {
    const { store, contents } = subject();
    const err = await store
      .put(generated(12 * MiB).stream, { contentType: "application/octet-stream", maxBytes: 7 * MiB })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactTooLargeError);
    expect(err).toMatchObject({
      status: 413,
      limit: 7 * MiB,
      message: `The upload is larger than the ${7 * MiB}-byte limit`,
    });
    expect(await contents()).toEqual([]);
    // Exactly at the limit is fine.
    const ok = await store.put(generated(MiB).stream, { contentType: "application/octet-stream", maxBytes: MiB });
    expect(ok.size).toBe(MiB);
  });

  it("leaves nothing behind when the source fails mid-stream or the put is aborted", async () => {
    const { store, contents } = subject();
    // Past the first upload part, so the S3 store has a multipart upload in progress when it fails.
    const failing = generated(64 * MiB, 11 * MiB).stream;
    await expect(store.put(failing, { contentType: "x" })).rejects.toThrow("connection reset");

    const ac = new AbortController();
    const slow = new Readable({ read() {} });
    slow.push(Buffer.alloc(1000));
    setTimeout(() => ac.abort(), 10);
    await expect(store.put(slow, { contentType: "x", signal: ac.signal })).rejects.toThrow(/abort/i);
    expect(await contents()).toEqual([]);
  });

  it("deletes blobs; deleting a missing one is fine, reading it is ENOENT", async () => {
    const { store, contents } = subject();
    const blob = await store.put(Readable.from([Buffer.from("bye")]), { contentType: "text/plain" });
    await store.delete(blob.key);
    expect(await store.stat(blob.key)).toBeNull();
    expect(await contents()).toEqual([]);
    await store.delete(blob.key);
    await expect(readAll(store.get(blob.key))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses keys that are not its own", () => {
    const { store } = subject();
    for (const key of ["../../etc/passwd", "sha256/ab/../../x", `sha256/00/${"a".repeat(64)}`, ""]) {
      expect(() => store.get(key)).toThrow(/artifact key/);
    }
  });
});
