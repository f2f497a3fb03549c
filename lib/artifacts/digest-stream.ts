// A pass-through that computes sha256 and md5 in the one pass and stops at a size limit, so any
// store implementation hashes and caps uploads the same way without buffering them.
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { ArtifactTooLargeError } from "./store";

export class DigestStream extends Transform {
  private readonly sha256 = createHash("sha256");
  private readonly md5 = createHash("md5");
  /** Not `size`: lib-storage takes a Body's `size` for its length. */
  bytes = 0;

  constructor(private readonly maxBytes?: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    this.bytes += chunk.length;
    if (this.maxBytes !== undefined && this.bytes > this.maxBytes) return cb(new ArtifactTooLargeError(this.maxBytes));
    this.sha256.update(chunk);
    this.md5.update(chunk);
    cb(null, chunk);
  }

  /** Only meaningful once the stream has finished. */
  digests(): { sha256: string; md5: string } {
    return { sha256: this.sha256.digest("hex"), md5: this.md5.digest("hex") };
  }
}
