// GET /api/assisted-install/v2/os-images – the OS image and release image table (admin page)
import { readImageTable } from "@/lib/catalog/queries";
import { route } from "@/lib/http/route";
import { toAssistedArch, parseArch } from "@/lib/arch";

export const dynamic = "force-dynamic";

const arch = (a: string) => toAssistedArch(parseArch(a) ?? "x86_64");

export const GET = route({}, async () => {
  const table = await readImageTable();
  return {
    os_images: table.osImages.map((r) => ({
      openshift_version: r.openshiftVersion,
      cpu_architecture: arch(r.cpuArchitecture),
      url: r.url,
      rootfs_url: r.rootfsUrl ?? undefined,
      version: r.version,
      source: r.source,
    })),
    release_images: table.releaseImages.map((r) => ({
      openshift_version: r.openshiftVersion,
      cpu_architecture: arch(r.cpuArchitecture),
      cpu_architectures: Array.isArray(r.cpuArchitectures) && r.cpuArchitectures.length ? (r.cpuArchitectures as string[]).map(arch) : undefined,
      url: r.url,
      version: r.version,
      default: r.isDefault || undefined,
      support_level: r.supportLevel ?? undefined,
      source: r.source,
    })),
  };
});
