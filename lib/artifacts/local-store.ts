// The embedded artifact store: content-addressed files under <dataDir>/artifacts, written to a temp
// file in the same tree and renamed into place only once complete, so a reader never sees a partial blob.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { deadOwner, partialPath, syncFile } from "@/lib/files/partial";
import { DigestStream } from "./digest-stream";
import type { ArtifactStore, BlobRange, PutOptions, StoredBlob } from "./store";

const KEY = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export class LocalArtifactStore implements ArtifactStore {
  readonly shared = false;
  private readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, "tmp");
  }

  async put(stream: Readable, opts: PutOptions): Promise<StoredBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = partialPath(path.join(this.tmpDir, "blob"));
    const digest = new DigestStream(opts.maxBytes);
    try {
      await pipeline(stream, digest, createWriteStream(tmp, { flags: "wx" }), { signal: opts.signal });
      await syncFile(tmp);
      const { sha256, md5 } = digest.digests();
      const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
      const final = this.pathOf(key);
      const existing = await stat(final).catch(() => null);
      if (existing?.size === digest.bytes) {
        await unlink(tmp); // same bytes are already stored
      } else {
        await mkdir(path.dirname(final), { recursive: true });
        await rename(tmp, final);
      }
      return { key, size: digest.bytes, sha256, md5 };
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  get(key: string, range?: BlobRange): Readable {
    const file = this.pathOf(key);
    if (!range) return createReadStream(file);
    if (
      !Number.isSafeInteger(range.start) ||
      !Number.isSafeInteger(range.end) ||
      range.start < 0 ||
      range.end < range.start
    ) {
      throw new RangeError(`Invalid byte range ${range.start}-${range.end}`);
    }
    return createReadStream(file, { start: range.start, end: range.end });
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const s = await stat(this.pathOf(key)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return null;
      throw err;
    });
    return s?.isFile() ? { size: s.size } : null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The directory is made on first write; there is nothing to check before. */
  async check(): Promise<void> {}

  /** Removes temp files a crashed process left behind: its pid is gone, or (unnamed ones) they are old. */
  async removeStaleTemps(olderThanMs = 24 * 3600_000): Promise<number> {
    const names = await readdir(this.tmpDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.tmpDir, name);
      const s = await stat(file).catch(() => null);
      if (s && (deadOwner(name) !== null || Date.now() - s.mtimeMs > olderThanMs)) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Keys are checked before they become paths: a key is never a way out of the store. */
  private pathOf(key: string): string {
    const m = KEY.exec(key);
    if (!m?.[2].startsWith(m[1])) throw new Error(`Not a local artifact key: ${JSON.stringify(key)}`);
    return path.join(this.root, "sha256", m[1], m[2]);
  }
}
