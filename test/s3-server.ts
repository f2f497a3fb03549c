// A real S3 protocol server for tests (the s3rver package, files under a temp dir) on a loopback
// port, with the environment a console process needs to use it as its artifact store. s3rver 3.7
// lacks two S3 calls the store relies on, AbortMultipartUpload and ListMultipartUploads; they are
// added here over its own upload directories, answering as S3 does, so a test can see that a failed
// upload left no parts behind. It also reads a Range ending at byte 0 (`bytes=0-0`) as the whole
// object (`end || Infinity`); that is corrected to S3's answer, the first byte.
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import S3rver from "s3rver";

export type S3Server = {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  /** The files s3rver keeps (objects and in-progress uploads), for tests that look underneath. */
  directory: string;
  /** The variables that point a console at this server: ARCHWAY_ARTIFACT_STORE and the AWS ones. */
  env: (prefix?: string) => Record<string, string>;
  /** "METHOD /path" of every request so far (a test can count how often an object was read). */
  requests: string[];
  /** Multipart uploads in progress in the bucket (what ListMultipartUploads answers). */
  pendingUploads: () => Promise<{ uploadId: string; key: string }[]>;
  close: () => Promise<void>;
};

type Ctx = {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
  type: string;
};
type StoredObject = { content: Readable | null; range?: { start: number; end: number } };
type FilesystemStore = {
  getObject: (bucket: string, key: string, options?: { start?: number; end?: number }) => Promise<StoredObject | null>;
  getResourcePath: (bucket: string, key: string, resource: string) => string;
};
type Middleware = (ctx: Ctx, next: () => Promise<void>) => Promise<void>;

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Starts s3rver with one empty bucket; `close` stops it and removes its files. */
export async function startS3Server(opts: { bucket?: string } = {}): Promise<S3Server> {
  const bucket = opts.bucket ?? "archway-test";
  const directory = mkdtempSync(path.join(tmpdir(), "s3rver-"));
  const uploadsDir = path.join(directory, bucket, "._S3rver_uploads");
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  }) as S3rver & { middleware: Middleware[]; store: FilesystemStore };

  async function pendingUploads() {
    const ids = await readdir(uploadsDir).catch(() => [] as string[]);
    return Promise.all(
      ids.map(async (uploadId) => ({
        uploadId,
        key: await readFile(path.join(uploadsDir, uploadId, "key"), "utf8").catch(() => ""),
      })),
    );
  }

  const missingCalls: Middleware = async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method === "DELETE" && typeof uploadId === "string" && ctx.path.startsWith(`/${bucket}/`)) {
      const dir = path.join(uploadsDir, path.basename(uploadId));
      const known = (await readdir(uploadsDir).catch(() => [] as string[])).includes(path.basename(uploadId));
      if (!known) {
        ctx.status = 404;
        ctx.type = "application/xml";
        ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>`;
        return;
      }
      await rm(dir, { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    if (ctx.method === "GET" && ctx.path === `/${bucket}` && "uploads" in ctx.query) {
      const prefix = typeof ctx.query.prefix === "string" ? ctx.query.prefix : "";
      const uploads = (await pendingUploads()).filter((u) => u.key.startsWith(prefix));
      ctx.type = "application/xml";
      ctx.body =
        `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>${xml(bucket)}</Bucket>` +
        `<Prefix>${xml(prefix)}</Prefix><IsTruncated>false</IsTruncated>` +
        uploads
          .map(
            (u) =>
              `<Upload><Key>${xml(u.key)}</Key><UploadId>${xml(u.uploadId)}</UploadId><Initiated>${new Date().toISOString()}</Initiated></Upload>`,
          )
          .join("") +
        "</ListMultipartUploadsResult>";
      return;
    }
    await next();
  };
  const requests: string[] = [];
  const record: Middleware = async (ctx, next) => {
    requests.push(`${ctx.method} ${ctx.path}`);
    await next();
  };
  // Ahead of s3rver's router, which would refuse both.
  server.middleware.unshift(record, missingCalls);
  const store = server.store;
  const getObject = store.getObject.bind(store);
  store.getObject = async (bucketName, key, options) => {
    if (options?.end !== 0) return getObject(bucketName, key, options);
    const object = await getObject(bucketName, key, { start: 0, end: 1 });
    if (object?.content) {
      object.content.destroy();
      object.content = createReadStream(store.getResourcePath(bucketName, key, "object"), { start: 0, end: 0 });
      object.range = { start: 0, end: 0 };
    }
    return object;
  };

  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: (prefix = "") => ({
      ARCHWAY_ARTIFACT_STORE: `s3://${bucket}${prefix ? `/${prefix}` : ""}`,
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: "us-east-1",
      // s3rver's built-in account.
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      ARCHWAY_S3_FORCE_PATH_STYLE: "1",
    }),
    requests,
    pendingUploads,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
