// Whether an architecture can be chosen at an OpenShift version, and if not, why. One answer for
// the New cluster dialog, the infra-env form and the OS images availability matrix. Pure.
import { ARCHES, type Arch, type ArchOrMulti, archDisplayName, sameArch } from "@/lib/arch";
import { archSupport, type SupportLevel, versionOffersArchChoice } from "./support";
import { compareVersions, minorOf } from "./version";

/** Every architecture a cluster can have, in display order. */
export const CLUSTER_ARCHES: readonly ArchOrMulti[] = [...ARCHES, "multi"];

/** What GET openshift-versions says about one version (architectures in the assisted spelling). */
export type VersionOffer = {
  display_name: string;
  support_level?: string;
  default?: boolean;
  cpu_architectures: string[];
};

export type ArchAvailability<A extends ArchOrMulti = ArchOrMulti> = {
  arch: A;
  available: boolean;
  level: SupportLevel;
  /** Why it cannot be chosen; null when available. */
  reason: string | null;
  /** Set when available but limited to single-node clusters, with the support table's wording. */
  singleNodeOnlyReason: string | null;
};

export function archAvailability<A extends ArchOrMulti>(
  version: string,
  offer: VersionOffer | undefined,
  arch: A,
): ArchAvailability<A> {
  const support = archSupport(version, arch);
  const unavailable = (reason: string): ArchAvailability<A> => ({
    arch,
    available: false,
    level: "unavailable",
    reason,
    singleNodeOnlyReason: null,
  });
  if (support.level === "unavailable")
    return unavailable(support.reason ?? `${archDisplayName(arch)} is not available at ${version}`);
  // Seed 001: before 4.9 there is no architecture choice at all.
  if (arch !== "x86_64" && !versionOffersArchChoice(version))
    return unavailable(`OpenShift ${version} installs x86_64 only`);
  if (!offer?.cpu_architectures.some((a) => sameArch(a, arch))) {
    return unavailable(`No OS image or release image for ${archDisplayName(arch)} at ${version} in the image table`);
  }
  return {
    arch,
    available: true,
    level: support.level,
    reason: null,
    singleNodeOnlyReason: support.singleNodeOnly ? (support.reason ?? null) : null,
  };
}

export function clusterArchOptions(version: string, offer: VersionOffer | undefined): ArchAvailability[] {
  return CLUSTER_ARCHES.map((arch) => archAvailability(version, offer, arch));
}

export const MATCH_CLUSTER_REASON = "Must match the cluster's architecture";

/** Architectures whose hosts can join a cluster of `clusterArch` (a multi payload takes either main one). */
export function hostArchesFor(clusterArch: ArchOrMulti): Arch[] {
  return clusterArch === "multi" ? ["x86_64", "aarch64"] : [clusterArch];
}

/** Infra-envs boot one real architecture (never multi); bound ones follow their cluster. */
export function infraEnvArchOptions(
  version: string,
  offer: VersionOffer | undefined,
  clusterArch: ArchOrMulti | null,
): ArchAvailability<Arch>[] {
  return ARCHES.map((arch) => {
    if (clusterArch && !hostArchesFor(clusterArch).includes(arch)) {
      return {
        arch,
        available: false,
        level: "unavailable" as const,
        reason: MATCH_CLUSTER_REASON,
        singleNodeOnlyReason: null,
      };
    }
    return archAvailability(version, offer, arch);
  });
}

/** "Developer preview" etc. for levels worth a warning; null for fully supported. */
export function supportLevelLabel(level: SupportLevel): string | null {
  if (level === "dev-preview") return "Developer preview";
  if (level === "tech-preview") return "Technology preview";
  return null;
}

/** The offer for a version key, or for the same x.y when the key is a patch release. */
export function findOffer<T extends VersionOffer>(
  versions: Record<string, T> | undefined,
  version: string,
): T | undefined {
  if (!versions) return undefined;
  if (versions[version]) return versions[version];
  const minor = minorOf(version);
  const key = Object.keys(versions).find((k) => minorOf(k) === minor);
  return key ? versions[key] : undefined;
}

/** Version keys newest first. */
export function sortedVersionKeys(versions: Record<string, unknown>): string[] {
  return Object.keys(versions).sort((a, b) => compareVersions(b, a));
}

/** The version the image table marks default, else the newest. */
export function defaultVersionKey(versions: Record<string, VersionOffer>): string | undefined {
  const keys = sortedVersionKeys(versions);
  return keys.find((k) => versions[k].default) ?? keys[0];
}

/** "4.14 (4.14.38)", or just "4.14.3" when the key already is the release. */
export function versionLabel(key: string, offer: VersionOffer | undefined): string {
  return offer && offer.display_name !== key ? `${key} (${offer.display_name})` : key;
}
