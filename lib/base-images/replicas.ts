// Base ISOs on every web replica. With a shared artifact store (S3) the fetch job publishes the
// verified ISO, its minimal template and its rootfs there and records their keys on the BaseImage
// row; any other process then pulls its own copy into its own cache (verified by sha256, under a temp
// name until complete, one pull per file at a time), so every replica serves the same bytes and ETag
// and the template is built once. With the local store nothing is published and the fetching
// process's files are the only copies, as with one process they always were.
import "server-only";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { store } from "@/lib/artifacts/artifacts";
import { DigestStream } from "@/lib/artifacts/digest-stream";
import type { BaseImage } from "@/lib/db";
import { db } from "@/lib/db";
import { fileSha256 } from "@/lib/files/file-sha256";
import { replaceAtomically } from "@/lib/files/partial";
import { cacheDir } from "./fetch-job";

/** The three files a ready base image serves, as this process has them. */
export type BaseFiles = { path: string; minimalPath: string | null; rootfsPath: string | null };

type Part = {
  role: "iso" | "minimal" | "rootfs";
  key: string;
  sha256: string;
  size: number | null;
  own: string | null;
};

const SUFFIX = { iso: ".iso", minimal: ".minimal.iso", rootfs: ".rootfs.img" } as const;

/** Where this process keeps its pulled copy of a published file: named by content, so a present file is the right one. */
export function pulledPath(sha256: string, role: Part["role"]): string {
  return path.join(cacheDir(), `${sha256}${SUFFIX[role]}`);
}

/** The columns the fetch job records for the files it publishes (all null with a local store). */
export type Published = {
  storageKey: string | null;
  minimalStorageKey: string | null;
  minimalSha256: string | null;
  rootfsStorageKey: string | null;
  rootfsSha256: string | null;
  rootfsSizeBytes: bigint | null;
};

/**
 * Publishes a fetched base image's files when the store is shared; with the local store it only
 * records the template's and rootfs's digests (a rebuilt template then changes the minimal ISO's ETag).
 */
export async function publishBaseFiles(
  files: { iso: string; minimal: string | null; rootfs: string | null },
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<Published> {
  const blobs = store();
  const none: Published = {
    storageKey: null,
    minimalStorageKey: null,
    minimalSha256: null,
    rootfsStorageKey: null,
    rootfsSha256: null,
    rootfsSizeBytes: null,
  };
  if (!blobs.shared) {
    const minimal = files.minimal ? await fileSha256(files.minimal) : null;
    const rootfs = files.rootfs ? await fileSha256(files.rootfs) : null;
    return {
      ...none,
      minimalSha256: minimal?.sha256 ?? null,
      rootfsSha256: rootfs?.sha256 ?? null,
      rootfsSizeBytes: rootfs ? BigInt(rootfs.size) : null,
    };
  }
  const put = async (file: string, what: string) => {
    const blob = await blobs.put(createReadStream(file), { contentType: "application/octet-stream", signal });
    log(`published the ${what} to the artifact store: ${blob.size} bytes, sha256 ${blob.sha256}`);
    return blob;
  };
  const iso = await put(files.iso, "base ISO");
  const minimal = files.minimal ? await put(files.minimal, "minimal-ISO template") : null;
  const rootfs = files.rootfs ? await put(files.rootfs, "live rootfs") : null;
  return {
    storageKey: iso.key,
    minimalStorageKey: minimal?.key ?? null,
    minimalSha256: minimal?.sha256 ?? null,
    rootfsStorageKey: rootfs?.key ?? null,
    rootfsSha256: rootfs?.sha256 ?? null,
    rootfsSizeBytes: rootfs ? BigInt(rootfs.size) : null,
  };
}

/** A row path counts as this process's own copy only inside its own cache (another replica's path may exist here too). */
function ownCopy(file: string | null): string | null {
  return file && path.dirname(path.resolve(file)) === cacheDir() && existsSync(file) ? file : null;
}

function partsOf(bi: BaseImage): Part[] {
  const parts: Part[] = [];
  if (bi.storageKey && bi.sha256)
    parts.push({
      role: "iso",
      key: bi.storageKey,
      sha256: bi.sha256,
      size: Number(bi.sizeBytes),
      own: ownCopy(bi.path),
    });
  if (bi.minimalStorageKey && bi.minimalSha256)
    parts.push({
      role: "minimal",
      key: bi.minimalStorageKey,
      sha256: bi.minimalSha256,
      size: bi.minimalSizeBytes === null ? null : Number(bi.minimalSizeBytes),
      own: ownCopy(bi.minimalPath),
    });
  if (bi.rootfsStorageKey && bi.rootfsSha256)
    parts.push({
      role: "rootfs",
      key: bi.rootfsStorageKey,
      sha256: bi.rootfsSha256,
      size: bi.rootfsSizeBytes === null ? null : Number(bi.rootfsSizeBytes),
      own: ownCopy(bi.rootfsPath),
    });
  return parts;
}

// One pull per destination file at a time, across the module copies Next makes (globalThis).
const holder = globalThis as unknown as { archwayBasePulls?: Map<string, Promise<string>> };
const pulls = (holder.archwayBasePulls ??= new Map());

/** Copies a published file into this process's cache, verified by sha256 before it takes its name. */
function pull(part: Part): Promise<string> {
  const dest = pulledPath(part.sha256, part.role);
  const running = pulls.get(dest);
  if (running) return running;
  const flight = (async () => {
    if (existsSync(dest)) return dest;
    await mkdir(path.dirname(dest), { recursive: true });
    await replaceAtomically(dest, async (tmp) => {
      const meter = new DigestStream();
      await pipeline(store().get(part.key), meter, createWriteStream(tmp, { flags: "wx" }));
      const got = meter.digests().sha256;
      const size = meter.bytes;
      if (got !== part.sha256 || (part.size !== null && size !== part.size))
        throw new Error(
          `The ${part.role} copied from the artifact store (${part.key}) is ${size} bytes with sha256 ${got}, not the ${part.size ?? "?"} bytes with sha256 ${part.sha256} the fetch recorded`,
        );
    });
    return dest;
  })();
  pulls.set(dest, flight);
  const land = () => {
    if (pulls.get(dest) === flight) pulls.delete(dest);
  };
  flight.then(land, land);
  return flight;
}

/**
 * This process's copies of a ready base image's files: its own files when it fetched them (or the
 * row was never published), otherwise pulled from the shared store first. null when a file the row
 * names is missing and cannot be pulled (then start-up fetches it again).
 */
export async function localBaseFiles(bi: BaseImage): Promise<BaseFiles | null> {
  if (!bi.storageKey) {
    return bi.path && existsSync(bi.path)
      ? { path: bi.path, minimalPath: bi.minimalPath, rootfsPath: bi.rootfsPath }
      : null;
  }
  const files: Record<Part["role"], string | null> = { iso: null, minimal: null, rootfs: null };
  for (const part of partsOf(bi)) files[part.role] = part.own ?? (await pull(part));
  return files.iso ? { path: files.iso, minimalPath: files.minimal, rootfsPath: files.rootfs } : null;
}

/** The pulled copies this process keeps for the rows (start-up's sweep must not take them for orphans). */
export function pulledFilesOf(rows: BaseImage[]): string[] {
  return rows.flatMap((bi) => partsOf(bi).map((p) => pulledPath(p.sha256, p.role)));
}

/** Which published files of this row have gone from the shared store (then it is fetched again). */
export async function missingFromStore(bi: BaseImage): Promise<string | null> {
  for (const p of partsOf(bi)) if (!(await store().stat(p.key))) return `the ${p.role} ${p.key}`;
  return null;
}

/**
 * Pulls every ready published base image this process lacks; resolves once all are here (start-up
 * runs it in the background; a multi-process test or a readiness check can await it). Returns
 * the rows that could not be pulled, with the reason.
 */
export async function pullBaseImages(log: (line: string) => void = () => {}): Promise<string[]> {
  const rows = await db().baseImage.findMany({ where: { status: "ready", storageKey: { not: null } } });
  const failed: string[] = [];
  for (const bi of rows) {
    const before = partsOf(bi).filter((p) => !p.own && !existsSync(pulledPath(p.sha256, p.role))).length;
    try {
      await localBaseFiles(bi);
      if (before) log(`copied ${before} file(s) of base image ${bi.url} from the artifact store`);
    } catch (err) {
      failed.push(`${bi.url}: ${(err as Error).message}`);
      log(`copying base image ${bi.url} from the artifact store failed: ${(err as Error).message}`);
    }
  }
  return failed;
}
