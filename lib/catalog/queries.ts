// Reads the stored image table and answers what the APIs ask of it.
import "server-only";
import { ARCHES, type Arch, type ArchOrMulti, isArch, parseArch, toAssistedArch } from "@/lib/arch";
import type { OsImage, ReleaseImage } from "@/lib/db";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { resolveRow } from "./resolve";
import { archSupport } from "./support";
import { compareVersions, minorOf } from "./version";

export type ImageTable = { osImages: OsImage[]; releaseImages: ReleaseImage[] };

export async function getOsImage(id: number): Promise<OsImage> {
  const row = await db().osImage.findUnique({ where: { id } });
  if (!row) throw notFound(`OS image ${id} not found`);
  return row;
}

export async function readImageTable(): Promise<ImageTable> {
  const [osImages, releaseImages] = await Promise.all([
    db().osImage.findMany({ orderBy: [{ openshiftVersion: "asc" }, { cpuArchitecture: "asc" }] }),
    db().releaseImage.findMany({ orderBy: [{ openshiftVersion: "asc" }, { cpuArchitecture: "asc" }] }),
  ]);
  const byVersion = <T extends { openshiftVersion: string; cpuArchitecture: string }>(a: T, b: T) =>
    compareVersions(b.openshiftVersion, a.openshiftVersion) || a.cpuArchitecture.localeCompare(b.cpuArchitecture);
  return { osImages: osImages.sort(byVersion), releaseImages: releaseImages.sort(byVersion) };
}

/**
 * The OS image row serving (version, arch), read without the rest of the table: downloads ask this
 * on every range request, and the whole table (both kinds, every row) is most of their database time.
 * Only rows of the same x.y can match (resolveRow's rules), so only those are read.
 */
export async function osImageRowFor(openshiftVersion: string, arch: Arch): Promise<OsImage | null> {
  const prefix = minorOf(openshiftVersion) ?? openshiftVersion.trim();
  const rows = await db().osImage.findMany({ where: { openshiftVersion: { startsWith: prefix } } });
  return resolveRow(rows, openshiftVersion, arch);
}

/** Architectures inside a release image: its own, or for `multi` the listed ones. */
export function releaseMembers(release: ReleaseImage): Arch[] {
  if (release.cpuArchitecture !== "multi") return isArch(release.cpuArchitecture) ? [release.cpuArchitecture] : [];
  const listed = Array.isArray(release.cpuArchitectures) ? (release.cpuArchitectures as string[]) : [];
  return listed.map(parseArch).filter((a): a is Arch => a !== null && a !== "multi");
}

/** An architecture is offered for a version only when both images exist and the support table allows it. */
export function offeredArchitectures(table: ImageTable, openshiftVersion: string): ArchOrMulti[] {
  const out: ArchOrMulti[] = [];
  for (const arch of [...ARCHES, "multi"] as ArchOrMulti[]) {
    if (archSupport(openshiftVersion, arch).level === "unavailable") continue;
    const release = resolveRow(table.releaseImages, openshiftVersion, arch);
    if (!release) continue;
    const osArches = arch === "multi" ? releaseMembers(release) : [arch];
    if (osArches.some((a) => resolveRow(table.osImages, openshiftVersion, a))) out.push(arch);
  }
  return out;
}

export type OpenshiftVersion = {
  display_name: string;
  support_level: string;
  default?: boolean;
  cpu_architectures: string[];
};

/** GET /v2/openshift-versions: one entry per release-image version key. */
export function openshiftVersions(table: ImageTable): Record<string, OpenshiftVersion> {
  const keys = [...new Set(table.releaseImages.map((r) => r.openshiftVersion))].sort((a, b) => compareVersions(b, a));
  const out: Record<string, OpenshiftVersion> = {};
  for (const key of keys) {
    const rows = table.releaseImages.filter((r) => r.openshiftVersion === key);
    const main = rows.find((r) => r.cpuArchitecture === "x86_64") ?? rows[0];
    out[key] = {
      display_name: main.version,
      support_level: main.supportLevel ?? "production",
      ...(rows.some((r) => r.isDefault) ? { default: true } : {}),
      cpu_architectures: offeredArchitectures(table, key).map(toAssistedArch),
    };
  }
  return out;
}

export function defaultOpenshiftVersion(table: ImageTable): string | null {
  return (
    table.releaseImages.find((r) => r.isDefault)?.openshiftVersion ?? Object.keys(openshiftVersions(table))[0] ?? null
  );
}
