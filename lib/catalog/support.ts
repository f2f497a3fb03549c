// Which CPU architectures each OpenShift version supports, and how well. One table drives both
// server validation and the new-cluster dialog (so this module stays free of server code).
import { type ArchOrMulti, archDisplayName, toAssistedArch } from "@/lib/arch";
import { atLeast, compareVersions, minorOf } from "./version";

export type SupportLevel = "supported" | "tech-preview" | "dev-preview" | "unavailable";

export type ArchSupport = {
  level: SupportLevel;
  /** Set when the level is unavailable, or when the topology is limited. */
  reason?: string;
  singleNodeOnly?: boolean;
};

type Step = { from: string; level: Exclude<SupportLevel, "unavailable">; singleNodeOnly?: boolean };

// Ordered oldest first; the last step at or below a version applies.
const TABLE: Record<ArchOrMulti, Step[]> = {
  x86_64: [{ from: "4.6", level: "supported" }],
  aarch64: [
    { from: "4.9", level: "dev-preview", singleNodeOnly: true },
    { from: "4.10", level: "supported" },
  ],
  ppc64le: [
    { from: "4.12", level: "tech-preview" },
    { from: "4.13", level: "supported" },
  ],
  s390x: [
    { from: "4.12", level: "tech-preview" },
    { from: "4.13", level: "supported" },
  ],
  multi: [
    { from: "4.11", level: "dev-preview" },
    { from: "4.12", level: "tech-preview" },
  ],
};

/** The first x.y at which an architecture can be chosen at all. */
export function firstVersionFor(arch: ArchOrMulti): string {
  return TABLE[arch][0].from;
}

export function archSupport(openshiftVersion: string, arch: ArchOrMulti): ArchSupport {
  const minor = minorOf(openshiftVersion);
  const step = minor ? [...TABLE[arch]].reverse().find((s) => compareVersions(minor, s.from) >= 0) : undefined;
  if (!step) {
    return {
      level: "unavailable",
      reason: `${archDisplayName(arch)} needs OpenShift ${firstVersionFor(arch)} or later`,
    };
  }
  return {
    level: step.level,
    ...(step.singleNodeOnly
      ? {
          singleNodeOnly: true,
          reason: `${archDisplayName(arch)} at OpenShift ${minor} installs single-node clusters only`,
        }
      : {}),
  };
}

/** Versions before 4.9 predate multi-architecture support: x86_64 is the only choice there. */
export function versionOffersArchChoice(openshiftVersion: string): boolean {
  return atLeast(openshiftVersion, "4.9");
}

/** The anchor's wording for a topology the architecture cannot do at this version. */
export function singleNodeOnlyMessage(openshiftVersion: string, arch: ArchOrMulti): string {
  return `Non x86_64 CPU architecture ${toAssistedArch(arch)} on version ${minorOf(openshiftVersion) ?? openshiftVersion} is supported only with single-node OpenShift (control_plane_count 1, high_availability_mode None)`;
}
