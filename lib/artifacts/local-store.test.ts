// What only the local store does (the shared contract is store-contract.test.ts): its files sit at
// sha256/xx/<hex> under its root, big streams go through in flat memory, and crash leftovers are swept.
import { mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { LocalArtifactStore } from "./local-store";

const MiB = 1024 * 1024;

function freshStore() {
  return new LocalArtifactStore(mkdtempSync(path.join(tmpdir(), "artifacts-")));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(dir, f)).isFile());
}

/** `total` bytes in 64 KiB chunks made on demand. */
function generated(total: number): Readable {
  const block = Buffer.alloc(64 * 1024, 7);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const chunk = Buffer.from(block.subarray(0, Math.min(block.length, total - sent)));
      chunk.writeUInt32BE(sent / 65536, 0);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

describe("LocalArtifactStore", () => {
  it("keeps each blob as one file named by its digest", async () => {
    const s = freshStore();
    const blob = await s.put(Readable.from([Buffer.from("named by content")]), { contentType: "text/plain" });
    expect(filesUnder(s.root)).toEqual([path.join("sha256", blob.sha256.slice(0, 2), blob.sha256)]);
    expect(s.shared).toBe(false);
  });

  it("streams 50 MiB through without holding it in memory", async () => {
    const s = freshStore();
    // A first put lets V8 grow its young generation (~30 MiB of rss at this allocation rate, whatever
    // the size), so the second one measures the store rather than the heap warming up.
    await s.put(generated(32 * MiB), { contentType: "application/octet-stream" });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const blob = await s.put(generated(50 * MiB), { contentType: "application/octet-stream" });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(blob.size).toBe(50 * MiB);
    expect(peak - before).toBeLessThan(16 * MiB);
  });

  it("sweeps temp files a crash left behind", async () => {
    const s = freshStore();
    await s.put(Readable.from([Buffer.from("x")]), { contentType: "x" });
    const stale = path.join(s.root, "tmp", "dead.part");
    writeFileSync(stale, "partial");
    const old = new Date(Date.now() - 2 * 86400_000);
    utimesSync(stale, old, old);
    writeFileSync(path.join(s.root, "tmp", "live.part"), "in progress");
    expect(await s.removeStaleTemps()).toBe(1);
    expect(readdirSync(path.join(s.root, "tmp"))).toEqual(["live.part"]);
  });
});
