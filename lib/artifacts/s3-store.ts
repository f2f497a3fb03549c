// The artifact store on any S3-compatible service (AWS, MinIO, Ceph) through the official SDK. An
// upload streams as a multipart upload to a temp key while its digests are computed, then is copied
// server-side to its content address sha256/xx/<hex> (once: identical content already there is
// kept); a failed upload is aborted and its temp object removed, so nothing is left behind.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
  UploadPartCopyCommand,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { DigestStream } from "./digest-stream";
import type { ArtifactStore, BlobRange, PutOptions, StoredBlob } from "./store";

const KEY = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const GiB = 1024 ** 3;

export type S3StoreConfig = {
  bucket: string;
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bytes per uploaded part (S3's minimum is 5 MiB); at most `queueSize` parts are in memory at once. */
  partSize?: number;
  queueSize?: number;
  /** Objects larger than this are copied part by part (S3's CopyObject stops at 5 GiB). */
  copyLimit?: number;
};

export function s3Client(c: S3StoreConfig): S3Client {
  return new S3Client({
    region: c.region,
    endpoint: c.endpoint,
    forcePathStyle: c.forcePathStyle,
    credentials: c.credentials,
    // Checksums only where S3 demands them: MinIO, Ceph and older gateways refuse the streaming
    // trailer checksums newer SDKs add by default, and our own sha256 covers every byte anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
};

/** A missing blob reads as ENOENT, like the local store's, so callers need not know which store they have. */
const missing = (key: string) => Object.assign(new Error(`No stored blob ${key}`), { code: "ENOENT" });

/**
 * An object's bytes as a Node stream that asks S3 only on the first read (a stream made and dropped
 * costs no request), pauses the response while the consumer is full, and aborts it when destroyed.
 */
class ObjectStream extends Readable {
  private body?: Readable;
  private opening = false;
  private readonly aborter = new AbortController();

  constructor(private readonly open: (signal: AbortSignal) => Promise<Readable>) {
    super();
  }

  override _read() {
    if (this.body) return void this.body.resume();
    if (this.opening) return;
    this.opening = true;
    this.open(this.aborter.signal).then(
      (body) => {
        if (this.destroyed) return void body.destroy();
        this.body = body;
        body.on("data", (chunk: Buffer) => {
          if (!this.push(chunk)) body.pause();
        });
        body.once("end", () => this.push(null));
        body.once("error", (err) => this.destroy(err));
      },
      (err) => this.destroy(err),
    );
  }

  override _destroy(err: Error | null, cb: (err: Error | null) => void) {
    this.aborter.abort();
    this.body?.destroy();
    cb(err);
  }
}

export class S3ArtifactStore implements ArtifactStore {
  readonly shared = true;
  readonly client: S3Client;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly copyLimit: number;

  constructor(readonly config: S3StoreConfig) {
    this.client = s3Client(config);
    this.partSize = config.partSize ?? 8 * 1024 * 1024;
    this.queueSize = config.queueSize ?? 2;
    this.copyLimit = config.copyLimit ?? 5 * GiB;
  }

  /** Where `key` lives in the bucket. Keys are checked first: a key is never a way to another object. */
  objectKey(key: string): string {
    const m = KEY.exec(key);
    if (!m?.[2].startsWith(m[1])) throw new Error(`Not an artifact key: ${JSON.stringify(key)}`);
    return this.under(key);
  }

  private under(name: string): string {
    return this.config.prefix ? `${this.config.prefix}/${name}` : name;
  }

  private get tmpPrefix(): string {
    return this.under("tmp/");
  }

  async put(stream: Readable, opts: PutOptions): Promise<StoredBlob> {
    const Bucket = this.config.bucket;
    const tmp = `${this.tmpPrefix}${randomUUID()}`;
    const digest = new DigestStream(opts.maxBytes);
    const upload = new Upload({
      client: this.client,
      params: { Bucket, Key: tmp, Body: digest, ContentType: opts.contentType },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    // A failure on the reading side (the source, the size cap, an abort) destroys `digest`, which
    // fails the upload; lib-storage then aborts the multipart upload before done() rejects.
    const feeding = pipeline(stream, digest, { signal: opts.signal });
    // And a failure on the S3 side stops the reading side, which would otherwise wait on it forever.
    const uploading = upload.done().catch((err) => {
      digest.destroy(err);
      throw err;
    });
    try {
      const [fed, uploaded] = await Promise.allSettled([feeding, uploading]);
      if (fed.status === "rejected") throw fed.reason;
      if (uploaded.status === "rejected") throw uploaded.reason;
      const { sha256, md5 } = digest.digests();
      const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
      const existing = await this.stat(key);
      if (existing?.size !== digest.bytes) await this.copy(tmp, this.objectKey(key), digest.bytes);
      return { key, size: digest.bytes, sha256, md5 };
    } catch (err) {
      digest.destroy();
      // Again, in case the upload failed before lib-storage knew its id or its abort was lost.
      if (upload.uploadId) await this.abortUpload(tmp, upload.uploadId);
      throw err;
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket, Key: tmp })).catch(() => undefined);
    }
  }

  private async abortUpload(Key: string, UploadId: string): Promise<void> {
    await this.client
      .send(new AbortMultipartUploadCommand({ Bucket: this.config.bucket, Key, UploadId }))
      .catch(() => undefined); // already aborted (NoSuchUpload), or the service is gone: nothing to keep
  }

  /** Server-side copy: one call up to the copy limit, part by part beyond it. */
  private async copy(from: string, to: string, size: number): Promise<void> {
    const Bucket = this.config.bucket;
    const CopySource = `${Bucket}/${from.split("/").map(encodeURIComponent).join("/")}`;
    if (size <= this.copyLimit) {
      await this.client.send(new CopyObjectCommand({ Bucket, Key: to, CopySource }));
      return;
    }
    const { UploadId } = await this.client.send(new CreateMultipartUploadCommand({ Bucket, Key: to }));
    try {
      const part = GiB;
      const Parts: { ETag: string; PartNumber: number }[] = [];
      for (let start = 0, n = 1; start < size; start += part, n++) {
        const end = Math.min(size, start + part) - 1;
        const r = await this.client.send(
          new UploadPartCopyCommand({
            Bucket,
            Key: to,
            UploadId,
            PartNumber: n,
            CopySource,
            CopySourceRange: `bytes=${start}-${end}`,
          }),
        );
        Parts.push({ ETag: r.CopyPartResult?.ETag ?? "", PartNumber: n });
      }
      await this.client.send(
        new CompleteMultipartUploadCommand({ Bucket, Key: to, UploadId, MultipartUpload: { Parts } }),
      );
    } catch (err) {
      await this.abortUpload(to, UploadId!);
      throw err;
    }
  }

  get(key: string, range?: BlobRange): Readable {
    const Key = this.objectKey(key);
    if (
      range &&
      (!Number.isSafeInteger(range.start) ||
        !Number.isSafeInteger(range.end) ||
        range.start < 0 ||
        range.end < range.start)
    ) {
      throw new RangeError(`Invalid byte range ${range.start}-${range.end}`);
    }
    return new ObjectStream(async (abortSignal) => {
      try {
        const res = await this.client.send(
          new GetObjectCommand({
            Bucket: this.config.bucket,
            Key,
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
          { abortSignal },
        );
        return res.Body as Readable;
      } catch (err) {
        throw isNotFound(err) ? missing(key) : err;
      }
    });
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }),
      );
      return { size: head.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  /** The bucket answers with these credentials (a wrong endpoint, bucket or key stops the start, not the first upload). */
  async check(): Promise<void> {
    const { bucket, prefix, endpoint } = this.config;
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(15_000) });
    } catch (err) {
      const e = err as Error & { $metadata?: { httpStatusCode?: number } };
      const status = e.$metadata?.httpStatusCode;
      const why =
        status === 404
          ? "the bucket does not exist"
          : status === 403
            ? "access denied (check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)"
            : `${e.name}: ${e.message}`;
      throw new Error(
        `The artifact store s3://${bucket}${prefix ? `/${prefix}` : ""} at ${endpoint ?? "AWS"} cannot be used: ${why}`,
      );
    }
  }

  /**
   * Removes what dead processes left under tmp/: multipart uploads and temp objects older than
   * `olderThanMs` (a live upload of any size finishes well within a day).
   */
  async removeStaleTemps(olderThanMs = 24 * 3600_000): Promise<number> {
    const Bucket = this.config.bucket;
    const before = Date.now() - olderThanMs;
    let removed = 0;
    const uploads = await this.client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: this.tmpPrefix }));
    for (const u of uploads.Uploads ?? []) {
      if (!u.Key || !u.UploadId || (u.Initiated && u.Initiated.getTime() > before)) continue;
      await this.abortUpload(u.Key, u.UploadId);
      removed++;
    }
    const objects = await this.client.send(new ListObjectsV2Command({ Bucket, Prefix: this.tmpPrefix }));
    for (const o of objects.Contents ?? []) {
      if (!o.Key || (o.LastModified && o.LastModified.getTime() > before)) continue;
      await this.client.send(new DeleteObjectCommand({ Bucket, Key: o.Key }));
      removed++;
    }
    return removed;
  }
}
