// The one place that knows CPU architecture names: canonical values, aliases, per-API spellings.
import { z } from "zod";

/** Canonical names, as `uname -m` prints them on the hosts. */
export const ARCHES = ["x86_64", "aarch64", "ppc64le", "s390x"] as const;
export type Arch = (typeof ARCHES)[number];

/** `multi` (a heterogeneous payload) is only meaningful for release images and clusters. */
export type ArchOrMulti = Arch | "multi";

export const DEFAULT_ARCH: Arch = "x86_64";

const ALIASES: Record<string, ArchOrMulti> = {
  x86_64: "x86_64",
  amd64: "x86_64",
  "x86-64": "x86_64",
  aarch64: "aarch64",
  arm64: "aarch64",
  ppc64le: "ppc64le",
  s390x: "s390x",
  multi: "multi",
};

const DISPLAY: Record<ArchOrMulti, string> = {
  x86_64: "x86_64",
  aarch64: "Arm64 (aarch64)",
  ppc64le: "IBM Power (ppc64le)",
  s390x: "IBM Z (s390x)",
  multi: "Multi-architecture",
};

/** Canonical form of any accepted spelling, or null. Case and surrounding space do not matter. */
export function parseArch(input: string): ArchOrMulti | null {
  return ALIASES[input.trim().toLowerCase()] ?? null;
}

export function isArch(value: string): value is Arch {
  return (ARCHES as readonly string[]).includes(value);
}

export function sameArch(a: string, b: string): boolean {
  const pa = parseArch(a);
  return pa !== null && pa === parseArch(b);
}

export function archDisplayName(arch: ArchOrMulti): string {
  return DISPLAY[arch];
}

/** The assisted-installer API speaks Go's names for Arm (`arm64`) and keeps x86_64 as is. */
export function toAssistedArch(arch: ArchOrMulti): string {
  return arch === "aarch64" ? "arm64" : arch;
}

/** The IMS API speaks kernel names (`aarch64`). */
export function toImsArch(arch: ArchOrMulti): string {
  return arch;
}

/** Kernel machine name of the machine this process runs on, in canonical form. */
export function hostArch(nodeArch: string = process.arch): Arch {
  const byNode: Record<string, Arch> = { x64: "x86_64", arm64: "aarch64", ppc64: "ppc64le", s390x: "s390x" };
  return byNode[nodeArch] ?? DEFAULT_ARCH;
}

const ACCEPTED = Object.keys(ALIASES).filter((k) => k !== "x86-64");

function archSchemaOf<T extends ArchOrMulti>(allowed: readonly T[], what: string) {
  return z.string().transform((raw, ctx): T => {
    const arch = parseArch(raw);
    if (arch === null || !(allowed as readonly string[]).includes(arch)) {
      const names = ACCEPTED.filter((n) => (allowed as readonly string[]).includes(ALIASES[n]));
      ctx.addIssue({
        code: "custom",
        message:
          arch === "multi"
            ? `${what} cannot be multi; choose one of ${names.join(", ")}`
            : `Unknown CPU architecture "${raw}"; use one of ${names.join(", ")}`,
      });
      return z.NEVER;
    }
    return arch as T;
  });
}

/** Accepts any alias and yields the canonical single architecture. */
export const archSchema = archSchemaOf(ARCHES, "The CPU architecture");
/** Same, but `multi` is allowed (clusters, release images). */
export const archOrMultiSchema = archSchemaOf([...ARCHES, "multi"] as const, "The CPU architecture");
