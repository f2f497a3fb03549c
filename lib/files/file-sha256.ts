// A file's sha256 and size, read once in a stream (base ISOs are a gigabyte: never read whole).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export async function fileSha256(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}
