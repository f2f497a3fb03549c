// Test helpers that craft real recipe archives: with the tar package from a directory tree, and by
// writing ustar headers by hand for what tar refuses to write (.., absolute paths, devices, lies).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { createGzip, gzipSync } from "node:zlib";
import { create } from "tar";

export type TreeFile = string | { content: string; mode?: number } | { symlink: string };

/**
 * tar.gz of a directory tree written to a temp dir, made by the tar package as `tar czf x.tgz -C dir .`
 * would (or with `top`, as `tar czf x.tgz -C dir top`, for a recipe packaged in one directory).
 */
export async function tarTree(files: Record<string, TreeFile>, opts: { top?: string } = {}): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), "recipe-tree-"));
  for (const [name, spec] of Object.entries(files)) {
    const file = path.join(dir, opts.top ?? "", name);
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof spec === "string") writeFileSync(file, spec);
    else if ("symlink" in spec) symlinkSync(spec.symlink, file);
    else writeFileSync(file, spec.content, { mode: spec.mode ?? 0o644 });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of create({ gzip: true, cwd: dir, portable: true }, [
    opts.top ?? ".",
  ]) as AsyncIterable<Buffer>)
    chunks.push(chunk);
  return Buffer.concat(chunks);
}

export type RawEntry = {
  name: string;
  /** ustar typeflag: 0 file, 1 hard link, 2 symlink, 3 char device, 4 block device, 5 directory, 6 FIFO, x pax. */
  type?: string;
  content?: Buffer | string;
  /** Declared size when it should differ from the content's (a header that lies). */
  size?: number;
  mode?: number;
  linkname?: string;
};

/** One 512-byte ustar header with a correct checksum. */
export function ustarHeader(e: RawEntry & { size: number }): Buffer {
  const h = Buffer.alloc(512);
  const put = (value: string, offset: number, length: number) => h.write(value, offset, length, "latin1");
  const octal = (n: number, offset: number, length: number) =>
    put(`${n.toString(8).padStart(length - 1, "0")}\0`, offset, length);
  put(e.name, 0, 100);
  octal(e.mode ?? (e.type === "5" ? 0o755 : 0o644), 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(e.size, 124, 12);
  octal(1_700_000_000, 136, 12);
  put(e.type ?? "0", 156, 1);
  put(e.linkname ?? "", 157, 100);
  put("ustar\u000000", 257, 8);
  put("root", 265, 32);
  put("root", 297, 32);
  if (e.type === "3" || e.type === "4") {
    octal(1, 329, 8);
    octal(3, 337, 8);
  }
  put("        ", 148, 8);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
  return h;
}

/** An uncompressed tar of raw entries, with the end-of-archive marker unless told otherwise. */
export function rawTar(entries: RawEntry[], opts: { end?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const body = Buffer.from(e.content ?? "");
    parts.push(ustarHeader({ ...e, size: e.size ?? body.length }));
    if (body.length > 0) parts.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  if (opts.end !== false) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** A pax extended header entry carrying one (possibly huge) record. */
export function paxEntry(key: string, value: string): RawEntry {
  const record = (len: number) => `${len} ${key}=${value}\n`;
  let len = record(0).length;
  while (record(len).length !== len) len = record(len).length;
  return { name: "PaxHeader", type: "x", content: record(len) };
}

export const gz = (raw: Buffer) => gzipSync(raw);

/** `bytes` of zeros, gzip-compressed as a stream (about 1 MiB per GiB), never all in memory. */
export async function gzippedZeros(bytes: number): Promise<Buffer> {
  const block = Buffer.alloc(1024 * 1024);
  let left = bytes;
  const zeros = new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(block.length, left);
      left -= n;
      this.push(n === block.length ? block : block.subarray(0, n));
    },
  });
  const chunks: Buffer[] = [];
  for await (const c of zeros.pipe(createGzip({ level: 1 }))) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export const streamOf = (buf: Buffer) => Readable.from([buf]);
