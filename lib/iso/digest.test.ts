// The child-process digest equals the digest of the bytes the download path serves, and a file that
// is gone or shorter than announced is an error with the reason, not a wrong digest.
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { digestProcessId, setDigestIdleMs, sha256OfPatched } from "./digest";
import { overlayStream, type Patch } from "./overlay";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

const dir = mkdtempSync(path.join(tmpdir(), "digest-"));
const file = path.join(dir, "base.iso");
const size = 9 * 1024 * 1024 + 7; // more than two of the child's 4 MiB reads, and not a multiple
writeFileSync(file, Buffer.alloc(size, 0x5a));
const patches: Patch[] = [
  { offset: 4 * 1024 * 1024 - 3, data: Buffer.from("across a read boundary") },
  { offset: 100, data: Buffer.from("early") },
  // An embed area: a little content, then zero padding over bytes of the file that are not zero.
  { offset: 2 * 1024 * 1024, data: Buffer.concat([Buffer.from("ignition"), Buffer.alloc(64 * 1024)]) },
  // The same kind of area with its zeros not held, across a read boundary of the child.
  { offset: 8 * 1024 * 1024 - 10, data: Buffer.from("short"), length: 70_000 },
];

async function served(): Promise<string> {
  const hash = createHash("sha256");
  const sorted = [...patches].sort((a, b) => a.offset - b.offset);
  for await (const chunk of overlayStream(file, sorted, 0, size - 1)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

describe("sha256OfPatched", () => {
  it("is the digest of exactly the bytes a download sends", async () => {
    const digest = await sha256OfPatched(file, size, patches);
    expect(digest).toBe(await served());
    expect(digest).not.toBe(createHash("sha256").update(Buffer.alloc(size, 0x5a)).digest("hex"));
  });

  it("is the same when a patch holds only its data and gives its span", async () => {
    const held = patches.map((p) =>
      p.data.length > 1024 ? { ...p, data: p.data.subarray(0, 8), length: p.data.length } : p,
    );
    expect(await sha256OfPatched(file, size, held)).toBe(await served());
  });

  it("zero-fills a patch's span past its data, as the padded bytes would", async () => {
    const padded = Buffer.alloc(size, 0x5a);
    for (const p of patches) {
      padded.fill(0, p.offset, p.offset + (p.length ?? p.data.length));
      p.data.copy(padded, p.offset);
    }
    expect(await served()).toBe(sha(padded));
  });

  it("fails with the reason when the file is missing or shorter than its size", async () => {
    await expect(sha256OfPatched(path.join(dir, "gone.iso"), size, [])).rejects.toThrow(/ENOENT/);
    await expect(sha256OfPatched(file, size + 10, [])).rejects.toThrow(/ended at/);
  });

  it("serves many digests from one kept process, each answer to its own request, and replaces a process that died", async () => {
    const small = path.join(dir, "small.bin");
    const body = Buffer.alloc(5000, 1);
    writeFileSync(small, body);
    const variants = Array.from({ length: 12 }, (_, i) => [{ offset: i * 100, data: Buffer.from(`patch ${i}`) }]);
    const expected = variants.map((ps) => {
      const b = Buffer.from(body);
      for (const p of ps) p.data.copy(b, p.offset);
      return sha(b);
    });
    expect(await Promise.all(variants.map((ps) => sha256OfPatched(small, body.length, ps)))).toEqual(expected);
    const pid = digestProcessId();
    expect(pid).toBeDefined();
    expect(await sha256OfPatched(small, body.length, variants[3])).toBe(expected[3]);
    expect(digestProcessId()).toBe(pid);

    // Killed while it hashes: the digest owed fails with the reason, the next one gets a new process.
    const owed = sha256OfPatched(file, size, patches);
    process.kill(pid!, "SIGKILL");
    await expect(owed).rejects.toThrow(/digest process ended/);
    expect(await sha256OfPatched(small, body.length, variants[5])).toBe(expected[5]);
    expect(digestProcessId()).not.toBe(pid);
  });

  it("retires an idle process without failing a digest asked for as it goes", async () => {
    const small = path.join(dir, "idle.bin");
    const body = Buffer.alloc(3000, 2);
    writeFileSync(small, body);
    const want = sha(body);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    setDigestIdleMs(1000);
    try {
      expect(await sha256OfPatched(small, body.length, [])).toBe(want);
      const pid = digestProcessId();
      expect(pid).toBeDefined();
      // The idle time passes: the child is killed, and in the same turn (before it has closed)
      // another digest is asked for. It goes to a new process and is answered.
      vi.advanceTimersByTime(1000);
      expect(digestProcessId()).toBeUndefined();
      const next = sha256OfPatched(small, body.length, []);
      expect(digestProcessId()).not.toBe(pid);
      expect(await next).toBe(want);
    } finally {
      vi.useRealTimers();
      setDigestIdleMs(60_000);
    }
  });
});
