// Streams a byte range of a base ISO file with some byte ranges replaced (the Ignition embed area,
// the karg areas), without copying the file: chunks read from disk are patched in place.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { applyPatches } from "./apply-patches.mjs";

export { applyPatches };

/**
 * Bytes that replace the file's at `offset`. `used`, when known, is how many of them come before
 * zero padding (an embed area is a small archive, then zeros): digests and ETags skip the zeros.
 */
export type Patch = { offset: number; data: Buffer; used?: number };

/** Sorted, non-overlapping, and inside the file, or it throws. */
export function checkPatches(patches: Patch[], size: number): Patch[] {
  const sorted = [...patches].sort((a, b) => a.offset - b.offset);
  sorted.forEach((p, i) => {
    if (p.offset < 0 || p.offset + p.data.length > size)
      throw new Error(`Patch at ${p.offset} (+${p.data.length}) lies outside the ${size}-byte image`);
    const prev = sorted[i - 1];
    if (prev && prev.offset + prev.data.length > p.offset)
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
