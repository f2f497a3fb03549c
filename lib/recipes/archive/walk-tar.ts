// Reads an uncompressed tar stream entry by entry with tar's Parser, never touching the disk: each
// entry's header goes to a callback, which may ask for its bytes. Anything malformed is an error.
import { Parser, type ReadEntry } from "tar";
import type { RawEntry } from "./entry-safety";
import { RecipeArchiveError } from "./errors";
import { MAX_TRAILING_BYTES } from "./limits";

export type EntrySink = { write(chunk: Buffer): void; end(): void };
export type OnEntry = (entry: RawEntry) => EntrySink | undefined;

/** gzip, zstd: tar's Parser would silently inflate these a second time, outside our budget. */
const COMPRESSED_MAGIC = [Buffer.from([0x1f, 0x8b]), Buffer.from([0x28, 0xb5, 0x2f, 0xfd])];

export async function walkTar(chunks: AsyncIterable<Buffer>, onEntry: OnEntry): Promise<void> {
  const parser = new Parser({ strict: false, zstd: false });
  let failure: unknown;
  let entries = 0;
  let lastPath: string | undefined;
  let eof = false;
  let nullBlock = false;
  const fail = (err: unknown) => {
    failure ??= err;
  };
  const guard = (fn: () => void) => {
    if (failure !== undefined) return;
    try {
      fn();
    } catch (err) {
      fail(err);
    }
  };

  parser.on("warn", (code: string, message: string) => fail(tarError(code, message, entries, lastPath)));
  parser.on("error", (err: Error) => fail(tarError("TAR_ABORT", err.message, entries, lastPath)));
  // GNU tar and Python's tarfile stop at the first zero block; tar's Parser reads on. Entries after one
  // would be checked here yet never unpacked there, so refuse the ambiguity.
  parser.on("nullBlock", () => (nullBlock = true));
  parser.on("eof", () => {
    eof = true;
    if (entries === 0) fail(new RecipeArchiveError("the archive is empty"));
  });
  parser.on("ignoredEntry", (e: ReadEntry) =>
    fail(
      new RecipeArchiveError(
        e.meta ? "its extended header is larger than tar's 1 MiB limit" : `entries of type ${e.type} are not supported`,
        e.path,
      ),
    ),
  );
  parser.on("entry", (e: ReadEntry) => {
    if (nullBlock) fail(new RecipeArchiveError("the entry follows a zero block, where most tar readers stop", e.path));
    entries++;
    lastPath = e.path;
    let sink: EntrySink | undefined;
    guard(() => {
      sink = onEntry({ path: e.path, type: e.type, size: e.size, mode: e.mode ?? 0, linkpath: e.linkpath });
    });
    if (sink) {
      const s = sink;
      e.on("data", (chunk: Buffer) => guard(() => s.write(chunk)));
      e.on("end", () => guard(() => s.end()));
    }
    e.resume();
  });

  let head: Buffer | undefined = Buffer.alloc(0);
  let trailing = 0;
  for await (let chunk of chunks) {
    if (head) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 4) continue;
      if (COMPRESSED_MAGIC.some((m) => head!.subarray(0, m.length).equals(m))) {
        throw new RecipeArchiveError("not a tar archive (the content inside the gzip is compressed again)");
      }
      chunk = head;
      head = undefined;
    }
    if (eof) {
      // Past the end marker the Parser would only buffer: count, and stop if it is not just padding.
      trailing += chunk.length;
      if (trailing > MAX_TRAILING_BYTES)
        throw new RecipeArchiveError("more than 1 MiB of data follows the end of the tar archive");
      continue;
    }
    parser.write(chunk);
    if (failure !== undefined) throw failure;
  }
  if (head?.length) parser.write(head);
  parser.end();
  if (failure !== undefined) throw failure;
  if (entries === 0) throw new RecipeArchiveError("the archive is empty");
}

function tarError(code: string, message: string, entries: number, lastPath: string | undefined): RecipeArchiveError {
  if (code === "TAR_ENTRY_INVALID") {
    return entries === 0
      ? new RecipeArchiveError(`not a tar archive (${message})`)
      : new RecipeArchiveError(`the tar header after this entry is corrupt (${message})`, lastPath);
  }
  if (code === "TAR_BAD_ARCHIVE") {
    if (/truncated/i.test(message))
      return new RecipeArchiveError("the archive is truncated inside this entry", lastPath);
    return new RecipeArchiveError("not a tar archive");
  }
  return new RecipeArchiveError(`the tar stream is invalid (${message})`, lastPath);
}
