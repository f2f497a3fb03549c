// The sha256 of a file with byte ranges patched, computed in a process of its own at low priority
// (lib/iso/digest.ts starts it): hashing a 1 GiB ISO takes seconds of CPU that must not come out of
// the event loop that answers link requests and downloads.
// stdin: {"file": "...", "size": n, "patches": [{"offset": n, "data": "<base64>"}]}; stdout: the hex digest.
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { applyPatches } from "./apply-patches.mjs";

const CHUNK = 4 * 1024 * 1024;
try {
  const job = JSON.parse(await text(process.stdin));
  const patches = job.patches
    .map((p) => ({ offset: p.offset, data: Buffer.from(p.data, "base64") }))
    .sort((a, b) => a.offset - b.offset);
  const hash = createHash("sha256");
  const fh = await open(job.file, "r");
  const buf = Buffer.allocUnsafe(CHUNK);
  for (let pos = 0; pos < job.size; ) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, job.size - pos), pos);
    if (bytesRead === 0) throw new Error(`${job.file} ended at ${pos}, before its ${job.size} bytes`);
    const chunk = buf.subarray(0, bytesRead);
    applyPatches(chunk, pos, patches);
    hash.update(chunk);
    pos += bytesRead;
  }
  await fh.close();
  process.stdout.write(hash.digest("hex"));
} catch (err) {
  // One line: the parent puts it in its error message.
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
}
