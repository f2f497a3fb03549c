// A read-only ISO 9660 directory reader over a file handle: finds a file's extent (byte offset
// and size) by path. Names come from Rock Ridge (NM) when present, else the ISO name without
// its ";1" version. Reads only the sectors it needs.
import type { FileHandle } from "node:fs/promises";

export const SECTOR = 2048;

export type IsoEntry = { name: string; isDir: boolean; offset: number; size: number };

export class IsoFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IsoFormatError";
  }
}

export async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return bytesRead === length ? buf : buf.subarray(0, bytesRead);
}

/** The root directory of the primary volume descriptor. */
export async function rootDirectory(fh: FileHandle): Promise<IsoEntry> {
  for (let sector = 16; sector < 64; sector++) {
    const vd = await readAt(fh, sector * SECTOR, SECTOR);
    if (vd.length < SECTOR || vd.toString("ascii", 1, 6) !== "CD001") break;
    if (vd[0] === 1) return parseRecord(vd.subarray(156, 156 + vd[156]));
    if (vd[0] === 255) break;
  }
  throw new IsoFormatError("Not an ISO 9660 image: no primary volume descriptor (CD001) at sector 16");
}

function parseRecord(rec: Buffer): IsoEntry {
  const nameLen = rec[32];
  const rawName = rec.subarray(33, 33 + nameLen);
  let name =
    rawName.length === 1 && rawName[0] <= 1
      ? rawName[0] === 0
        ? "."
        : ".."
      : rawName.toString("latin1").replace(/;\d+$/, "").replace(/\.$/, "");
  // System Use area follows the name (padded to an even offset); NM carries the Rock Ridge name.
  let su = 33 + nameLen + (nameLen % 2 === 0 ? 1 : 0);
  let rrName = "";
  while (su + 4 <= rec.length) {
    const sig = rec.toString("latin1", su, su + 2);
    const len = rec[su + 2];
    if (len < 4) break;
    if (sig === "NM") rrName += rec.toString("utf8", su + 5, su + len);
    su += len;
  }
  if (rrName) name = rrName;
  return { name, isDir: (rec[25] & 2) !== 0, offset: rec.readUInt32LE(2) * SECTOR, size: rec.readUInt32LE(10) };
}

export async function listDirectory(fh: FileHandle, dir: IsoEntry): Promise<IsoEntry[]> {
  const data = await readAt(fh, dir.offset, dir.size);
  const out: IsoEntry[] = [];
  let pos = 0;
  while (pos < data.length) {
    const len = data[pos];
    if (len === 0) {
      pos = (Math.floor(pos / SECTOR) + 1) * SECTOR; // records never cross sectors; zero pads the rest
      continue;
    }
    const entry = parseRecord(data.subarray(pos, pos + len));
    if (entry.name !== "." && entry.name !== "..") out.push(entry);
    pos += len;
  }
  return out;
}

/** 8.3 form of a name as plain ISO 9660 level 1 stores it (IGNINFO.JSO for igninfo.json). */
function shortName(name: string): string {
  const dot = name.lastIndexOf(".");
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name, ""];
  const clean = (s: string, n: number) =>
    s
      .toUpperCase()
      .replace(/[^A-Z0-9_]/g, "_")
      .slice(0, n);
  return ext ? `${clean(base, 8)}.${clean(ext, 3)}` : clean(base, 8);
}

function matches(entry: IsoEntry, wanted: string): boolean {
  return (
    entry.name === wanted ||
    entry.name.toUpperCase() === wanted.toUpperCase() ||
    entry.name.toUpperCase() === shortName(wanted)
  );
}

/** Finds "images/ignition.img" (leading slash optional); null when absent. */
export async function findPath(fh: FileHandle, filePath: string): Promise<IsoEntry | null> {
  let current = await rootDirectory(fh);
  for (const part of filePath.split("/").filter(Boolean)) {
    if (!current.isDir) return null;
    const next = (await listDirectory(fh, current)).find((e) => matches(e, part));
    if (!next) return null;
    current = next;
  }
  return current;
}

export async function readFileAt(fh: FileHandle, filePath: string, maxBytes = 1024 * 1024): Promise<Buffer | null> {
  const entry = await findPath(fh, filePath);
  if (!entry || entry.isDir) return null;
  if (entry.size > maxBytes)
    throw new IsoFormatError(`${filePath} is ${entry.size} bytes, more than the ${maxBytes} expected`);
  return readAt(fh, entry.offset, entry.size);
}

/** Every file with its path, for comparisons and tests. */
export async function walk(fh: FileHandle, dir?: IsoEntry, prefix = ""): Promise<(IsoEntry & { path: string })[]> {
  const out: (IsoEntry & { path: string })[] = [];
  for (const e of await listDirectory(fh, dir ?? (await rootDirectory(fh)))) {
    const p = `${prefix}/${e.name}`;
    out.push({ ...e, path: p });
    if (e.isDir) out.push(...(await walk(fh, e, p)));
  }
  return out;
}
