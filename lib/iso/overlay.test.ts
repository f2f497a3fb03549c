// The overlay equals "copy the file, write the patches, read the range", for any range.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPatches, overlayStream, type Patch } from "./overlay";

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
    ],
    size,
  );
  const expected = Buffer.from(base);
  for (const p of patches) p.data.copy(expected, p.offset);

  it.each([
    [0, size - 1],
    [1, 2],
    [1024 * 1024 - 20, 1024 * 1024 + 5],
    [size - 7, size - 1],
    [500_000, 2_000_000],
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
