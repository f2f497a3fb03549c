// The overlay equals "copy the file, write the patches, read the range", for any range.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPatches, checkPatches, overlayStream, type Patch } from "./overlay";

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe("overlayStream", () => {
  const size = 3 * 1024 * 1024 + 123;
  const base = randomBytes(size);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "overlay-")), "base.iso");
  writeFileSync(file, base);
  const patches: Patch[] = checkPatches(
    [
      { offset: 1024 * 1024 - 10, data: Buffer.alloc(300_000, 7) }, // crosses a chunk boundary
      { offset: 0, data: Buffer.from("HEAD") },
      { offset: size - 5, data: Buffer.from("TAIL!") },
      // An embed area holding only its content: zeros follow, across a chunk boundary.
      { offset: 2 * 1024 * 1024 - 100, data: Buffer.from("ignition"), length: 70_000 },
    ],
    size,
  );
  // Written independently of applyPatches: each span zeroed, then its data over it.
  const expected = Buffer.from(base);
  for (const p of patches) {
    expected.fill(0, p.offset, p.offset + (p.length ?? p.data.length));
    p.data.copy(expected, p.offset);
  }

  it.each([
    [0, size - 1],
    [1, 2],
    [1024 * 1024 - 20, 1024 * 1024 + 5],
    [size - 7, size - 1],
    [500_000, 2_000_000],
    [2 * 1024 * 1024 - 96, 2 * 1024 * 1024 + 100],
  ])("range %i-%i", async (start, end) => {
    const got = await collect(overlayStream(file, patches, start, end, 64 * 1024));
    expect(got.equals(expected.subarray(start, end + 1))).toBe(true);
  });

  it("refuses overlapping or out-of-range patches", () => {
    expect(() =>
      checkPatches(
        [
          { offset: 0, data: Buffer.alloc(10) },
          { offset: 5, data: Buffer.alloc(10) },
        ],
        100,
      ),
    ).toThrow(/overlap/);
    expect(() => checkPatches([{ offset: 95, data: Buffer.alloc(10) }], 100)).toThrow(/outside/);
    expect(() => checkPatches([{ offset: 90, data: Buffer.alloc(4), length: 20 }], 100)).toThrow(/outside/);
    expect(() => checkPatches([{ offset: 0, data: Buffer.alloc(10), length: 4 }], 100)).toThrow(/span of 4/);
    expect(() =>
      checkPatches(
        [
          { offset: 0, data: Buffer.alloc(2), length: 10 },
          { offset: 8, data: Buffer.alloc(1) },
        ],
        100,
      ),
    ).toThrow(/overlap/);
  });

  it("applyPatches on any chunk equals the span zeroed and the data written over it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.nat(40), data: fc.uint8Array({ maxLength: 30 }), zeros: fc.nat(30) }), {
          maxLength: 6,
        }),
        fc.nat(300),
        fc.nat(300),
        (specs, a, b) => {
          const fileSize = 400;
          const patches: Patch[] = [];
          let at = 0;
          for (const s of specs) {
            const offset = at + s.gap;
            const length = s.data.length + s.zeros;
            if (offset + length > fileSize) break;
            patches.push({ offset, data: Buffer.from(s.data), length });
            at = offset + length;
          }
          const file = Buffer.alloc(fileSize, 0xee);
          const want = Buffer.from(file);
          for (const p of checkPatches(patches, fileSize)) {
            want.fill(0, p.offset, p.offset + (p.length ?? 0));
            p.data.copy(want, p.offset);
          }
          const [start, end] = [Math.min(a, b), Math.max(a, b)];
          const chunk = Buffer.from(file.subarray(start, end + 1));
          applyPatches(chunk, start, patches);
          expect(chunk.equals(want.subarray(start, end + 1))).toBe(true);
        },
      ),
    );
  });
});

describe("overlayWebStream", () => {
  it("yields the same bytes as the Node overlay for a range, and reports its close", async () => {
    const { overlayWebStream } = await import("./overlay-web");
    const size = 1_000_000;
    const base = randomBytes(size);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "overlay-web-")), "b.iso");
    writeFileSync(file, base);
    const patches = checkPatches([{ offset: 262_000, data: Buffer.alloc(5000, 9) }], size);
    let closed = 0;
    const parts: Buffer[] = [];
    for await (const c of overlayWebStream(
      file,
      patches,
      1000,
      800_000,
      () => closed++,
    ) as unknown as AsyncIterable<Uint8Array>)
      parts.push(Buffer.from(c));
    const expected = Buffer.from(base);
    patches[0].data.copy(expected, patches[0].offset);
    expect(Buffer.concat(parts).equals(expected.subarray(1000, 800_001))).toBe(true);
    expect(closed).toBe(1);
  });
});
