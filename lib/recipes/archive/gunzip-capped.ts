// Inflates an upload that must be gzip, counting what comes out and stopping at a budget, so a
// gzip bomb costs at most the budget's worth of inflating, never the whole bomb.
import { pipeline, type Readable, Transform, type TransformCallback } from "node:stream";
import { createGunzip } from "node:zlib";
import { RecipeArchiveError } from "./errors";

const GZIP_MAGIC = [0x1f, 0x8b];

export async function* gunzipCapped(source: Readable, maxOutput: number): AsyncGenerator<Buffer> {
  const inflated = pipeline(source, gzipMagicCheck(), createGunzip(), () => {
    // Failures surface through the iteration below; this only keeps pipeline from rethrowing them.
  });
  let total = 0;
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxOutput) throw new RecipeArchiveError(`it inflates to more than ${maxOutput} bytes (a gzip bomb?)`);
      yield chunk;
    }
  } catch (err) {
    throw asArchiveError(err);
  } finally {
    inflated.destroy();
    source.destroy();
  }
}

/** Fails on the first bytes when they are not gzip's magic number, before zlib says something vaguer. */
function gzipMagicCheck(): Transform {
  let seen = Buffer.alloc(0);
  let checked = false;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      if (checked) return cb(null, chunk);
      seen = Buffer.concat([seen, chunk]);
      if (seen.length < GZIP_MAGIC.length) return cb();
      checked = true;
      if (seen[0] !== GZIP_MAGIC[0] || seen[1] !== GZIP_MAGIC[1]) return cb(new RecipeArchiveError("not a gzip file"));
      cb(null, seen);
    },
    flush(cb: TransformCallback) {
      cb(
        checked
          ? null
          : new RecipeArchiveError(seen.length === 0 ? "not a gzip file (the upload is empty)" : "not a gzip file"),
      );
    },
  });
}

function asArchiveError(err: unknown): unknown {
  if (err instanceof RecipeArchiveError) return err;
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code !== "string" || !e.code.startsWith("Z_")) return err; // the upload itself failed: not the archive's fault
  if (e.code === "Z_BUF_ERROR") return new RecipeArchiveError("the gzip stream is truncated");
  return new RecipeArchiveError(`the gzip data is corrupt (${e.message})`);
}
