// The artifact store contract: opaque keys to immutable blobs. The embedded local store and the
// S3-compatible one implement it; callers do not know which they have.
import type { Readable } from "node:stream";
import { HttpError } from "@/lib/http/errors";

export type StoredBlob = { key: string; size: number; sha256: string; md5: string };

/** Inclusive on both ends, as HTTP Range, `fs.createReadStream` and S3 GetObject count them. */
export type BlobRange = { start: number; end: number };

export type PutOptions = {
  contentType: string;
  /** The put fails with ArtifactTooLargeError as soon as more bytes than this arrive. */
  maxBytes?: number;
  signal?: AbortSignal;
};

export interface ArtifactStore {
  /** Whether every process of the site reads the same blobs (S3), or only this machine (local files). */
  readonly shared: boolean;
  /** Stores the whole stream and returns its key and digests. Nothing is left behind on failure. */
  put(stream: Readable, opts: PutOptions): Promise<StoredBlob>;
  /** Reads a blob (or an inclusive byte range of it); a missing key surfaces as a stream error. */
  get(key: string, range?: BlobRange): Readable;
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes a blob; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Resolves when the store can be used, else rejects saying why (start-up stops on it). */
  check(): Promise<void>;
  /** Removes what crashed uploads left behind; returns how many things went. */
  removeStaleTemps(): Promise<number>;
}

/** An HttpError so route handlers that let it through answer 413 without a mapping of their own. */
export class ArtifactTooLargeError extends HttpError {
  constructor(readonly limit: number) {
    super(413, `The upload is larger than the ${limit}-byte limit`);
    this.name = "ArtifactTooLargeError";
  }
}
