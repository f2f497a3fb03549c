// GET /api/assisted-install/v2/os-images – the OS image and release image table (admin page)

import { parseArch, toAssistedArch } from "@/lib/arch";
import { baseImagesByUrl } from "@/lib/base-images/service";
import { readImageTable } from "@/lib/catalog/queries";
import type { BaseImage } from "@/lib/db";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const arch = (a: string) => toAssistedArch(parseArch(a) ?? "x86_64");

export const GET = route({ access: "viewer" }, async () => {
  const table = await readImageTable();
  const cache = await baseImagesByUrl();
  return {
    os_images: table.osImages.map((r) => ({
      id: r.id,
      openshift_version: r.openshiftVersion,
      cpu_architecture: arch(r.cpuArchitecture),
      url: r.url,
      rootfs_url: r.rootfsUrl ?? undefined,
      version: r.version,
      source: r.source,
      base_image: serializeBaseImage(cache.get(r.url), r.cpuArchitecture),
    })),
    release_images: table.releaseImages.map((r) => ({
      openshift_version: r.openshiftVersion,
      cpu_architecture: arch(r.cpuArchitecture),
      cpu_architectures:
        Array.isArray(r.cpuArchitectures) && r.cpuArchitectures.length
          ? (r.cpuArchitectures as string[]).map(arch)
          : undefined,
      url: r.url,
      version: r.version,
      default: r.isDefault || undefined,
      support_level: r.supportLevel ?? undefined,
      source: r.source,
    })),
  };
});

function serializeBaseImage(b: BaseImage | undefined, rowArch: string) {
  if (!b) return { status: "missing" };
  // The cache is per url; a row whose architecture differs from the kernel inside cannot use it.
  const mismatch = b.status === "ready" && b.detectedArch !== null && parseArch(b.detectedArch) !== parseArch(rowArch);
  return {
    id: b.id,
    status: mismatch ? "failed" : b.status,
    size_bytes: b.sizeBytes === null ? undefined : Number(b.sizeBytes),
    sha256: b.sha256 ?? undefined,
    detected_arch: b.detectedArch ? arch(b.detectedArch) : undefined,
    error: mismatch ? `The kernel inside is ${b.detectedArch}, but this row says ${rowArch}` : (b.error ?? undefined),
    job_id: b.jobId ?? undefined,
    fetched_at: b.fetchedAt?.toISOString(),
  };
}
