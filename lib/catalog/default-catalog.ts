// The embedded default image table: small sample live ISOs built locally from Debian's netboot
// kernels (scripts/, on first start) for three versions. 4.8 predates Arm64, 4.9 has Arm64 as a
// single-node preview, 4.14 has both plus a multi-architecture payload.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Arch } from "@/lib/arch";
import type { Catalog, OsImageRow, ReleaseImageRow } from "./schemas";

const RELEASES: { minor: string; release: string; arches: Arch[]; isDefault?: boolean; multi?: boolean }[] = [
  { minor: "4.8", release: "4.8.57", arches: ["x86_64"] },
  { minor: "4.9", release: "4.9.59", arches: ["x86_64", "aarch64"] },
  { minor: "4.14", release: "4.14.38", arches: ["x86_64", "aarch64"], isDefault: true, multi: true },
];

/**
 * Bumped when what the sample ISOs hold changes (2: the discovery agent), so a data dir that has an
 * older one builds the new one (a new url) and start-up cleans the old file away as unreferenced.
 */
const SAMPLE_REVISION = 2;

/** Where the sample live ISO of one architecture is built; every sample version shares it. */
export function sampleIsoPath(dataDir: string, arch: Arch): string {
  return path.join(dataDir, "os-images", "sample", `live-${arch}-r${SAMPLE_REVISION}.iso`);
}

export function defaultCatalog(dataDir: string): Catalog {
  const osImages: OsImageRow[] = [];
  const releaseImages: ReleaseImageRow[] = [];
  for (const r of RELEASES) {
    for (const arch of r.arches) {
      osImages.push({
        openshift_version: r.minor,
        cpu_architecture: arch,
        url: pathToFileURL(sampleIsoPath(dataDir, arch)).href,
        version: `sample-debian12-${r.minor}-${arch}`,
      });
      releaseImages.push({
        openshift_version: r.minor,
        cpu_architecture: arch,
        url: `quay.io/openshift-release-dev/ocp-release:${r.release}-${arch}`,
        version: r.release,
        default: r.isDefault,
        support_level: "production",
      });
    }
    if (r.multi) {
      releaseImages.push({
        openshift_version: r.minor,
        cpu_architecture: "multi",
        cpu_architectures: r.arches,
        url: `quay.io/openshift-release-dev/ocp-release:${r.release}-multi`,
        version: r.release,
        support_level: "production",
      });
    }
  }
  return { osImages, releaseImages };
}
