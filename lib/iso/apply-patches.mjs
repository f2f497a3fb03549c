// Plain JavaScript so both the server (through overlay.ts) and the digest child process
// (digest-child.mjs, run by node without a build) patch bytes with the same code.

/**
 * Writes the parts of `patches` (sorted by offset) that fall in [pos, pos + chunk.length) into `chunk`.
 * A patch spans `length` bytes (its data's length if not given): its data, then zeros.
 * @param {Buffer} chunk
 * @param {number} pos
 * @param {{ offset: number, data: Buffer, length?: number }[]} patches
 */
export function applyPatches(chunk, pos, patches) {
  const end = pos + chunk.length;
  for (const p of patches) {
    const pEnd = p.offset + (p.length ?? p.data.length);
    if (pEnd <= pos) continue;
    if (p.offset >= end) break;
    const from = Math.max(pos, p.offset);
    const to = Math.min(end, pEnd);
    const dataEnd = Math.min(to, p.offset + p.data.length);
    if (dataEnd > from) p.data.copy(chunk, from - pos, from - p.offset, dataEnd - p.offset);
    if (to > Math.max(from, dataEnd)) chunk.fill(0, Math.max(from, dataEnd) - pos, to - pos);
  }
}
