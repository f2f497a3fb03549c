// Streams a byte range of a base ISO file with some byte ranges replaced (the Ignition embed area,
// the karg areas), without copying the file: chunks read from disk are patched in place.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { applyPatches } from "./apply-patches.mjs";

export { applyPatches };

/**
 * `length` bytes of the file at `offset` replaced by `data`, then zeros up to `length` (when given;
 * else the data's own length). An embed area is a small archive, then zeros: the zeros are written
 * into each chunk read, never held (a 256 KiB zeroed buffer per link cost ~1 ms of page faults).
 */
export type Patch = { offset: number; data: Buffer; length?: number };

/** How many bytes of the file a patch replaces. */
export const spanOf = (p: Patch) => p.length ?? p.data.length;

/** Sorted, non-overlapping, inside the file, and no data beyond its span, or it throws. */
export function checkPatches(patches: Patch[], size: number): Patch[] {
  const sorted = [...patches].sort((a, b) => a.offset - b.offset);
  sorted.forEach((p, i) => {
    if (p.data.length > spanOf(p))
      throw new Error(`Patch at ${p.offset} has ${p.data.length} bytes for a span of ${spanOf(p)}`);
    if (p.offset < 0 || p.offset + spanOf(p) > size)
      throw new Error(`Patch at ${p.offset} (+${spanOf(p)}) lies outside the ${size}-byte image`);
    const prev = sorted[i - 1];
    if (prev && prev.offset + spanOf(prev) > p.offset)
      throw new Error(`Patches at ${prev.offset} and ${p.offset} overlap`);
  });
  return sorted;
}

/** Bytes [start, end] (inclusive, as HTTP ranges are) of the patched image, as a Node stream. */
export function overlayStream(
  file: string,
  patches: Patch[],
  start: number,
  end: number,
  highWaterMark = 128 * 1024,
): Readable {
  let pos = start;
  const source = createReadStream(file, { start, end, highWaterMark });
  const patched = new Readable({
    highWaterMark,
    read() {
      source.resume();
    },
    destroy(err, cb) {
      source.destroy();
      cb(err);
    },
  });
  source.on("data", (chunk: string | Buffer) => {
    const buf = chunk as Buffer;
    applyPatches(buf, pos, patches);
    pos += buf.length;
    if (!patched.push(buf)) source.pause();
  });
  source.on("end", () => patched.push(null));
  source.on("error", (err) => patched.destroy(err));
  return patched;
}
