// Plain JavaScript so both the server (through overlay.ts) and the digest child process
// (digest-child.mjs, run by node without a build) patch bytes with the same code.

/**
 * Writes the parts of `patches` (sorted by offset) that fall in [pos, pos + chunk.length) into `chunk`.
 * @param {Buffer} chunk
 * @param {number} pos
 * @param {{ offset: number, data: Buffer }[]} patches
 */
export function applyPatches(chunk, pos, patches) {
  const end = pos + chunk.length;
  for (const p of patches) {
    const pEnd = p.offset + p.data.length;
    if (pEnd <= pos) continue;
    if (p.offset >= end) break;
    const from = Math.max(pos, p.offset);
    const to = Math.min(end, pEnd);
    p.data.copy(chunk, from - pos, from - p.offset, to - p.offset);
  }
}
