// Locates a CoreOS-style live ISO's Ignition embed area and kernel-argument areas, in all three
// historical layouts (ISO-FORMAT.md): /coreos/igninfo.json, /images/ignition.img, the legacy
// `coreiso+` header; /coreos/kargs.json, the legacy `coreKarg` header.
import type { FileHandle } from "node:fs/promises";
import { findPath, IsoFormatError, readAt, readFileAt } from "./iso9660";

export type Area = { offset: number; length: number };
export type IgnitionArea = Area & { source: "igninfo.json" | "ignition.img" | "coreiso+" };
/** `pad` fills an area after its kargs and `end` terminates them ("#"/"\n" on x86; s390x uses NULs). */
export type KargArea = Area & { file?: string; pad: string; end: string };
export type KargAreas = { size: number; defaultKargs: string; areas: KargArea[]; source: "kargs.json" | "coreKarg" };
export type EmbedAreas = { ignition: IgnitionArea; kargs: KargAreas | null };

const CORE_ISO = { at: 32744, magic: "coreiso+" };
const CORE_KARG = { at: 32672, magic: "coreKarg" };

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new IsoFormatError(`Header value ${v} out of range`);
  return Number(v);
}

function parseJson<T>(buf: Buffer, what: string): T {
  try {
    return JSON.parse(buf.toString("utf8")) as T;
  } catch (err) {
    throw new IsoFormatError(`${what} is not valid JSON: ${(err as Error).message}`);
  }
}

async function locateIgnition(fh: FileHandle): Promise<IgnitionArea> {
  const info = await readFileAt(fh, "coreos/igninfo.json", 64 * 1024);
  if (info) {
    const doc = parseJson<{ file?: string; offset?: number; length?: number }>(info, "/coreos/igninfo.json");
    if (!doc.file) throw new IsoFormatError("/coreos/igninfo.json names no file");
    const file = await findPath(fh, doc.file);
    if (!file || file.isDir)
      throw new IsoFormatError(`/coreos/igninfo.json points at ${doc.file}, which the ISO does not have`);
    const offset = doc.offset ?? 0;
    const length = doc.length ?? file.size - offset;
    if (offset < 0 || length <= 0 || offset + length > file.size)
      throw new IsoFormatError(
        `/coreos/igninfo.json area (${offset}+${length}) lies outside ${doc.file} (${file.size} bytes)`,
      );
    return { offset: file.offset + offset, length, source: "igninfo.json" };
  }
  const img = await findPath(fh, "images/ignition.img");
  if (img && !img.isDir && img.size > 0) return { offset: img.offset, length: img.size, source: "ignition.img" };
  const header = await readAt(fh, CORE_ISO.at, 24);
  if (header.toString("latin1", 0, 8) === CORE_ISO.magic)
    return { offset: u64(header, 8), length: u64(header, 16), source: "coreiso+" };
  throw new IsoFormatError(
    "No Ignition embed area: the ISO has neither /coreos/igninfo.json, /images/ignition.img nor a coreiso+ header",
  );
}

async function locateKargs(fh: FileHandle): Promise<KargAreas | null> {
  const json = await readFileAt(fh, "coreos/kargs.json", 64 * 1024);
  if (json) {
    const doc = parseJson<{
      default: string;
      size: number;
      files: { path: string; offset: number; pad?: string; end?: string }[];
    }>(json, "/coreos/kargs.json");
    const areas: KargArea[] = [];
    for (const f of doc.files ?? []) {
      const entry = await findPath(fh, f.path);
      if (!entry || entry.isDir)
        throw new IsoFormatError(`/coreos/kargs.json lists ${f.path}, which the ISO does not have`);
      if (f.offset + doc.size > entry.size)
        throw new IsoFormatError(`The karg area of ${f.path} runs past the file's end`);
      areas.push({
        offset: entry.offset + f.offset,
        length: doc.size,
        file: f.path.replace(/^\//, ""),
        pad: f.pad ?? "#",
        end: f.end ?? "\n",
      });
    }
    return { size: doc.size, defaultKargs: doc.default, areas, source: "kargs.json" };
  }
  const header = await readAt(fh, CORE_KARG.at, 72);
  if (header.toString("latin1", 0, 8) !== CORE_KARG.magic) return null;
  const size = u64(header, 8);
  const defaultOffset = u64(header, 16);
  const areas: KargArea[] = [];
  for (let i = 0; i < 6; i++) {
    const off = u64(header, 24 + i * 8);
    if (off === 0) break;
    areas.push({ offset: off, length: size, pad: "#", end: "\n" });
  }
  const defaults = (await readAt(fh, defaultOffset, size)).toString("utf8");
  return { size, defaultKargs: defaults.replace(/#+$/, "").trim(), areas, source: "coreKarg" };
}

export async function locateEmbedAreas(fh: FileHandle): Promise<EmbedAreas> {
  return { ignition: await locateIgnition(fh), kargs: await locateKargs(fh) };
}

/** The kernel arguments currently in the first karg area (what the ISO boots with). */
export async function readKargs(fh: FileHandle, kargs: KargAreas): Promise<string> {
  if (kargs.areas.length === 0) return kargs.defaultKargs;
  const area = kargs.areas[0];
  const text = (await readAt(fh, area.offset, kargs.size)).toString("utf8");
  const end = text.indexOf(area.end);
  return (end >= 0 ? text.slice(0, end) : text).trim();
}
