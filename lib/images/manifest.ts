// An image's manifest.json (IMS format): version 1.0, created, and its artifacts with their link,
// Cray media type and checksums.
import { z } from "zod";
import { linkSchema } from "@/lib/ims/common";

export const ARTIFACT_TYPES = {
  rootfs: "application/vnd.cray.image.rootfs.squashfs",
  kernel: "application/vnd.cray.image.kernel",
  initrd: "application/vnd.cray.image.initrd",
} as const;

export type ArtifactRole = keyof typeof ARTIFACT_TYPES;

export const manifestSchema = z
  .object({
    version: z.literal("1.0"),
    created: z.string().min(1),
    artifacts: z
      .array(
        z
          .object({
            link: linkSchema,
            type: z.enum(Object.values(ARTIFACT_TYPES) as [string, ...string[]]),
            md5: z.string().regex(/^[0-9a-f]{32}$/, "md5 hex"),
            sha256: z
              .string()
              .regex(/^[0-9a-f]{64}$/, "sha256 hex")
              .optional(),
          })
          .strict(),
      )
      .min(1, "A manifest lists at least one artifact"),
  })
  .strict();

export type Manifest = z.output<typeof manifestSchema>;

export function artifactLinkPath(artifactId: string) {
  return `/apis/ims/v3/artifacts/${artifactId}`;
}

export function artifactIdOf(linkPath: string): string | null {
  return /\/apis\/ims\/v3\/artifacts\/([0-9a-f-]{36})$/.exec(linkPath)?.[1] ?? null;
}

export function buildManifest(
  items: { role: ArtifactRole; artifactId: string; md5: string; sha256: string }[],
  created = new Date(),
): Manifest {
  return {
    version: "1.0",
    created: created
      .toISOString()
      .replace("T", " ")
      .replace(/\.\d+Z$/, ""),
    artifacts: items.map((a) => ({
      link: { path: artifactLinkPath(a.artifactId), etag: a.md5, type: "archway" },
      type: ARTIFACT_TYPES[a.role],
      md5: a.md5,
      sha256: a.sha256,
    })),
  };
}

export function roleOf(type: string): ArtifactRole | null {
  return (Object.entries(ARTIFACT_TYPES).find(([, t]) => t === type)?.[0] as ArtifactRole) ?? null;
}
