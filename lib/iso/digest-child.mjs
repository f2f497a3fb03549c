// The sha256 of files with byte ranges patched, computed in a process of its own at low priority
// (lib/iso/digest.ts starts it once and keeps it): hashing a 1 GiB ISO takes seconds of CPU that
// must not come out of the event loop that answers link requests and downloads.
// stdin, one JSON request per line: {"id": n, "file": "...", "size": n,
//   "patches": [{"offset": n, "length": n, "data": "<base64 of the first bytes; the rest are zeros>"}]}
// stdout, one JSON answer per line, in order: {"id": n, "sha256": "<hex>"} or {"id": n, "error": "<reason>"}.
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { applyPatches } from "./apply-patches.mjs";

const CHUNK = 4 * 1024 * 1024;
const buf = Buffer.allocUnsafe(CHUNK);

async function digest(job) {
  // Sent without trailing zeros: applyPatches writes zeros up to each patch's length.
  const patches = job.patches
    .map((p) => ({ offset: p.offset, data: Buffer.from(p.data, "base64"), length: p.length }))
    .sort((a, b) => a.offset - b.offset);
  const hash = createHash("sha256");
  const fh = await open(job.file, "r");
  try {
    for (let pos = 0; pos < job.size; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, job.size - pos), pos);
      if (bytesRead === 0) throw new Error(`${job.file} ended at ${pos}, before its ${job.size} bytes`);
      const chunk = buf.subarray(0, bytesRead);
      applyPatches(chunk, pos, patches);
      hash.update(chunk);
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return hash.digest("hex");
}

// One at a time, in the order asked (the reads share one buffer).
for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  if (!line.trim()) continue;
  let id = null;
  try {
    const job = JSON.parse(line);
    id = job.id;
    process.stdout.write(`${JSON.stringify({ id, sha256: await digest(job) })}\n`);
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ id, error: err.message })}\n`);
  }
}
