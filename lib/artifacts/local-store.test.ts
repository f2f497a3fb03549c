// The local store against real files: digests match node:crypto, big streams go through in flat
// memory, ranges, dedup, the size cap and delete leave the tree as they should.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { LocalArtifactStore } from "./local-store";
import { ArtifactTooLargeError } from "./store";

const MiB = 1024 * 1024;

function freshStore() {
  return new LocalArtifactStore(mkdtempSync(path.join(tmpdir(), "artifacts-")));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(dir, f)).isFile());
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** `total` bytes in 64 KiB chunks made on demand, hashed as they go out. */
function generated(total: number) {
  const sha256 = createHash("sha256");
  const md5 = createHash("md5");
  const block = randomBytes(64 * 1024);
  let sent = 0;
  const stream = new Readable({
    read() {
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

describe("LocalArtifactStore", () => {
  it("stores and reads back a blob, with sha256 and md5 of its bytes", async () => {
    const s = freshStore();
    const bytes = randomBytes(300_000);
    const blob = await s.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), {
      contentType: "application/octet-stream",
    });
    expect(blob).toEqual({
      key: `sha256/${blob.sha256.slice(0, 2)}/${blob.sha256}`,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      md5: createHash("md5").update(bytes).digest("hex"),
    });
    expect((await readAll(s.get(blob.key))).equals(bytes)).toBe(true);
    expect(await s.stat(blob.key)).toEqual({ size: bytes.length });
    expect(filesUnder(s.root)).toEqual([path.join("sha256", blob.sha256.slice(0, 2), blob.sha256)]);
  });

  it("stores an empty blob", async () => {
    const s = freshStore();
    const blob = await s.put(Readable.from([]), { contentType: "text/plain" });
    expect(blob.size).toBe(0);
    expect(blob.sha256).toBe(createHash("sha256").digest("hex"));
    expect((await readAll(s.get(blob.key))).length).toBe(0);
  });

  it("streams 50 MiB through without holding it in memory", async () => {
    const s = freshStore();
    // A first put lets V8 grow its young generation (~30 MiB of rss at this allocation rate, whatever
    // the size), so the second one measures the store rather than the heap warming up.
    await s.put(generated(32 * MiB).stream, { contentType: "application/octet-stream" });
    const { stream, digests } = generated(50 * MiB);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const blob = await s.put(stream, { contentType: "application/octet-stream" });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(blob.size).toBe(50 * MiB);
    expect({ sha256: blob.sha256, md5: blob.md5 }).toEqual(digests());
    expect(peak - before).toBeLessThan(16 * MiB);
  });

  it("serves inclusive byte ranges", async () => {
    const s = freshStore();
    const blob = await s.put(Readable.from([Buffer.from("0123456789")]), { contentType: "text/plain" });
    const cases: [number, number, string][] = [
      [0, 0, "0"],
      [2, 5, "2345"],
      [7, 9, "789"],
      [9, 20, "9"],
    ];
    for (const [start, end, want] of cases) expect(await text(s.get(blob.key, { start, end }))).toBe(want);
    expect(() => s.get(blob.key, { start: 5, end: 4 })).toThrow(RangeError);
    expect(() => s.get(blob.key, { start: -1, end: 4 })).toThrow(RangeError);
  });

  it("keeps one copy of identical content", async () => {
    const s = freshStore();
    const a = await s.put(Readable.from([Buffer.from("same bytes")]), { contentType: "text/plain" });
    const b = await s.put(Readable.from([Buffer.from("same "), Buffer.from("bytes")]), { contentType: "text/x-other" });
    expect(b).toEqual(a);
    expect(filesUnder(s.root)).toHaveLength(1);
  });

  it("stops at maxBytes with a clear error and leaves no file behind", async () => {
    const s = freshStore();
    const { stream } = generated(5 * MiB);
    const err = await s
      .put(stream, { contentType: "application/octet-stream", maxBytes: MiB })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactTooLargeError);
    expect(err).toMatchObject({ status: 413, limit: MiB, message: `The upload is larger than the ${MiB}-byte limit` });
    expect(filesUnder(s.root)).toEqual([]);
    // Exactly at the limit is fine.
    const ok = await s.put(generated(MiB).stream, { contentType: "application/octet-stream", maxBytes: MiB });
    expect(ok.size).toBe(MiB);
  });

  it("leaves no file behind when the source fails or the put is aborted", async () => {
    const s = freshStore();
    const failing = new Readable({ read() {} });
    failing.push(Buffer.alloc(1000));
    setTimeout(() => failing.destroy(new Error("connection reset")), 10);
    await expect(s.put(failing, { contentType: "x" })).rejects.toThrow("connection reset");

    const ac = new AbortController();
    const slow = new Readable({ read() {} });
    slow.push(Buffer.alloc(1000));
    setTimeout(() => ac.abort(), 10);
    await expect(s.put(slow, { contentType: "x", signal: ac.signal })).rejects.toThrow(/abort/i);
    expect(filesUnder(s.root)).toEqual([]);
  });

  it("deletes blobs, and deleting a missing one is fine", async () => {
    const s = freshStore();
    const blob = await s.put(Readable.from([Buffer.from("bye")]), { contentType: "text/plain" });
    await s.delete(blob.key);
    expect(await s.stat(blob.key)).toBeNull();
    expect(filesUnder(s.root)).toEqual([]);
    await s.delete(blob.key);
    await expect(readAll(s.get(blob.key))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses keys that are not its own", () => {
    const s = freshStore();
    for (const key of ["../../etc/passwd", "sha256/ab/../../x", `sha256/00/${"a".repeat(64)}`, ""]) {
      expect(() => s.get(key)).toThrow(/Not a local artifact key/);
    }
  });

  it("sweeps temp files a crash left behind", async () => {
    const s = freshStore();
    await s.put(Readable.from([Buffer.from("x")]), { contentType: "x" });
    const { writeFileSync, utimesSync } = await import("node:fs");
    const stale = path.join(s.root, "tmp", "dead.part");
    writeFileSync(stale, "partial");
    const old = new Date(Date.now() - 2 * 86400_000);
    utimesSync(stale, old, old);
    writeFileSync(path.join(s.root, "tmp", "live.part"), "in progress");
    expect(await s.removeStaleTemps()).toBe(1);
    expect(readdirSync(path.join(s.root, "tmp"))).toEqual(["live.part"]);
  });
});
