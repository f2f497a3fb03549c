// Checks a downloaded base ISO before use: an ISO 9660 volume, an Ignition embed area, and a
// kernel of the architecture its image-table row claims.
import { open } from "node:fs/promises";
import { type Arch, archDisplayName } from "@/lib/arch";
import { type EmbedAreas, locateEmbedAreas } from "@/lib/iso/embed-areas";
import { findPath, readAt, rootDirectory } from "@/lib/iso/iso9660";
import { kernelArch } from "@/lib/iso/kernel-arch";

// Where live ISOs keep their kernel: RHCOS/FCOS pxeboot (s390x also kernel.img), isolinux layouts.
const KERNELS = ["images/pxeboot/vmlinuz", "images/pxeboot/kernel.img", "isolinux/vmlinuz", "images/vmlinuz"];

export class BaseImageRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BaseImageRejected";
  }
}

export type Verified = { detectedArch: Arch; kernelPath: string; embed: EmbedAreas };

export async function verifyBaseIso(file: string, expected: Arch): Promise<Verified> {
  const fh = await open(file, "r");
  try {
    await rootDirectory(fh).catch((err) => {
      throw new BaseImageRejected(`Not an ISO 9660 image: ${(err as Error).message}`);
    });
    const embed = await locateEmbedAreas(fh).catch((err) => {
      throw new BaseImageRejected(`No Ignition embed area: ${(err as Error).message}`);
    });
    for (const p of KERNELS) {
      const entry = await findPath(fh, p);
      if (!entry || entry.isDir) continue;
      const found = kernelArch(await readAt(fh, entry.offset, Math.min(entry.size, 64 * 1024)));
      if (found.arch === null) throw new BaseImageRejected(`Cannot tell the architecture of /${p}: ${found.reason}`);
      if (found.arch !== expected) {
        throw new BaseImageRejected(
          `The kernel inside (/${p}) is ${archDisplayName(found.arch)}, but the image table row says ${archDisplayName(expected)}`,
        );
      }
      return { detectedArch: found.arch, kernelPath: p, embed };
    }
    throw new BaseImageRejected(`No kernel found (looked for ${KERNELS.map((k) => `/${k}`).join(", ")})`);
  } finally {
    await fh.close();
  }
}
