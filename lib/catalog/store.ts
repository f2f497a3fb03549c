// The image table in the database: configured rows are replaced at every start; rows an operator
// added in the console ("user") are kept.
import "server-only";
import { sourcesChanged } from "@/lib/base-images/generation";
import type { Db } from "@/lib/db";
import type { Catalog } from "./schemas";

export async function storeCatalog(client: Db, catalog: Catalog): Promise<void> {
  await client.$transaction([
    client.osImage.deleteMany({ where: { source: "config" } }),
    client.releaseImage.deleteMany({ where: { source: "config" } }),
    client.osImage.createMany({
      data: dedupe(catalog.osImages).map((r) => ({
        openshiftVersion: r.openshift_version,
        cpuArchitecture: r.cpu_architecture,
        url: r.url,
        rootfsUrl: r.rootfs_url ?? null,
        version: r.version,
        source: "config",
      })),
    }),
    client.releaseImage.createMany({
      data: dedupe(catalog.releaseImages).map((r) => ({
        openshiftVersion: r.openshift_version,
        cpuArchitecture: r.cpu_architecture,
        cpuArchitectures: r.cpu_architectures ?? [],
        url: r.url,
        version: r.version,
        isDefault: r.default ?? false,
        supportLevel: r.support_level ?? null,
        source: "config",
      })),
    }),
  ]);
  sourcesChanged();
}

// The same (version, arch, version) twice in config: the later row wins, as with env overrides.
function dedupe<T extends { openshift_version: string; cpu_architecture: string; version: string }>(rows: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const r of rows) byKey.set(`${r.openshift_version}|${r.cpu_architecture}|${r.version}`, r);
  return [...byKey.values()];
}
