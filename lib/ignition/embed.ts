// Packs an Ignition config for an ISO's embed area: a newc cpio holding config.ign, compressed
// (gzip as assisted-image-service does, or xz with a CRC32 check as coreos-installer does, which
// the kernel requires), zero-filled to the area's length.
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { writeCpio } from "@/lib/iso/cpio";

export type Compression = "gzip" | "xz";

export class EmbedTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly areaLength: number,
  ) {
    super(
      `The Ignition config is ${bytes} bytes compressed; the ISO's embed area holds ${areaLength}. Shorten the ignition_config_override or static network config.`,
    );
    this.name = "EmbedTooLargeError";
  }
}

export function ignitionArchive(config: object, compression: Compression = "gzip"): Buffer {
  const cpio = writeCpio([{ path: "config.ign", type: "file", data: Buffer.from(JSON.stringify(config)) }]);
  if (compression === "gzip") return gzipSync(cpio, { level: 9 });
  return execFileSync("xz", ["--format=xz", "--check=crc32", "-9", "-c"], { input: cpio, maxBuffer: 64 * 1024 * 1024 });
}

/** The archive, if it fits an area of `areaLength` bytes (the rest of the area is zeros). */
export function fitArea(archive: Buffer, areaLength: number): Buffer {
  if (archive.length > areaLength) throw new EmbedTooLargeError(archive.length, areaLength);
  return archive;
}
