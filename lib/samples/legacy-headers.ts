// Writes the legacy (pre 2021-09) embed-area headers into the last 96 bytes of the ISO 9660 System
// Area, as coreos-assembler did: `coreKarg` (72 bytes at 32672) and `coreiso+` (24 bytes at 32744).
// Older coreos-installer releases and assisted-image-service readers look only there.
import "server-only";
import { open } from "node:fs/promises";
import { locateEmbedAreas } from "@/lib/iso/embed-areas";
import { findPath, readAt } from "@/lib/iso/iso9660";

const SYSTEM_AREA = 32768;
export const CORE_KARG_AT = SYSTEM_AREA - 96;
export const CORE_ISO_AT = SYSTEM_AREA - 24;
const MAX_KARG_AREAS = 6;

export type LegacyHeaders = {
  ignition: { offset: number; length: number };
  karg: { size: number; defaultOffset: number; areas: number[] };
};

/** coreKarg: magic, area length, offset of /.cmdline, 6 area offsets (0 = unused); coreiso+: magic, offset, length. */
export function encodeLegacyHeaders(h: LegacyHeaders): Buffer {
  if (h.karg.areas.length > MAX_KARG_AREAS)
    throw new Error(`coreKarg holds at most ${MAX_KARG_AREAS} karg areas, not ${h.karg.areas.length}`);
  const buf = Buffer.alloc(96);
  buf.write("coreKarg", 0, "latin1");
  const u64s = [h.karg.size, h.karg.defaultOffset, ...h.karg.areas];
  u64s.forEach((v, i) => {
    buf.writeBigUInt64LE(BigInt(v), 8 + i * 8);
  });
  buf.write("coreiso+", 72, "latin1");
  buf.writeBigUInt64LE(BigInt(h.ignition.offset), 80);
  buf.writeBigUInt64LE(BigInt(h.ignition.length), 88);
  return buf;
}

/**
 * A GPT entry array reaching the last 96 bytes of the System Area would be corrupted by the
 * headers (its CRC32 covers it): xorriso's -isohybrid-gpt-basdat writes 248 entries up to 32767;
 * syslinux's isohybrid --uefi writes 128, ending at 17408.
 */
function checkGpt(gptHeader: Buffer): void {
  if (gptHeader.toString("latin1", 0, 8) !== "EFI PART") return;
  const entriesAt = Number(gptHeader.readBigUInt64LE(72)) * 512;
  const end = entriesAt + gptHeader.readUInt32LE(80) * gptHeader.readUInt32LE(84);
  if (entriesAt < SYSTEM_AREA && end > CORE_KARG_AT) {
    throw new Error(
      `The GPT entry array (bytes ${entriesAt}..${end}) overlaps the coreKarg/coreiso+ headers; master with isohybrid --uefi`,
    );
  }
}

/** Reads the areas from igninfo.json/kargs.json, checks they are pristine, writes the headers. */
export async function writeLegacyHeaders(iso: string): Promise<LegacyHeaders> {
  const fh = await open(iso, "r+");
  try {
    const { ignition, kargs } = await locateEmbedAreas(fh);
    if (ignition.source !== "igninfo.json")
      throw new Error(`Ignition area found via ${ignition.source}, expected /coreos/igninfo.json`);
    if (kargs?.source !== "kargs.json") throw new Error("No /coreos/kargs.json in the ISO");
    const area = await readAt(fh, ignition.offset, ignition.length);
    if (area.length !== ignition.length || !area.every((b) => b === 0))
      throw new Error("The Ignition embed area is not zero-filled");
    for (const a of kargs.areas) {
      const text = (await readAt(fh, a.offset, kargs.size)).toString("utf8");
      if (text.replace(/#+$/, "").replace(/\n$/, "") !== kargs.defaultKargs)
        throw new Error(
          `The karg area of ${a.file} does not hold the default kargs: ${JSON.stringify(text.slice(0, 120))}`,
        );
    }
    const cmdline = await findPath(fh, ".cmdline");
    if (!cmdline || cmdline.size !== kargs.size)
      throw new Error(`/.cmdline must exist and be ${kargs.size} bytes (the karg area size)`);
    checkGpt(await readAt(fh, 512, 92));
    if (!(await readAt(fh, CORE_KARG_AT, 96)).every((b) => b === 0))
      throw new Error("The last 96 bytes of the System Area are in use (partition table?)");
    const headers: LegacyHeaders = {
      ignition: { offset: ignition.offset, length: ignition.length },
      karg: { size: kargs.size, defaultOffset: cmdline.offset, areas: kargs.areas.map((a) => a.offset) },
    };
    await fh.write(encodeLegacyHeaders(headers), 0, 96, CORE_KARG_AT);
    return headers;
  } finally {
    await fh.close();
  }
}
