// The OS_IMAGES / RELEASE_IMAGES row formats of seed 001 (and the deprecated OPENSHIFT_VERSIONS map).
import { z } from "zod";
import { archOrMultiSchema, archSchema } from "@/lib/arch";

const versionString = z
  .string()
  .trim()
  .regex(/^\d+\.\d+(\.\d+)?(-[\w.]+)?$/, "Expected an OpenShift version such as 4.14 or 4.14.3");
const imageUrl = z
  .string()
  .trim()
  .refine((u) => /^(https?|file):\/\//.test(u), "Expected an http://, https:// or file:// URL");

export const supportLevelSchema = z.enum(["beta", "production", "maintenance", "end-of-life"]);

export const osImageRowSchema = z
  .object({
    openshift_version: versionString,
    cpu_architecture: archSchema,
    url: imageUrl,
    rootfs_url: imageUrl.optional(),
    version: z.string().trim().min(1),
  })
  .strict();

export const releaseImageRowSchema = z
  .object({
    openshift_version: versionString,
    cpu_architecture: archOrMultiSchema,
    cpu_architectures: z.array(archSchema).optional(),
    url: z.string().trim().min(1),
    version: z.string().trim().min(1),
    default: z.boolean().optional(),
    support_level: supportLevelSchema.optional(),
  })
  .strict();

/** Deprecated: one x86_64 OS + release image per version. */
export const openshiftVersionsSchema = z.record(
  z.string(),
  z.object({
    display_name: z.string(),
    release_version: z.string().optional(),
    release_image: z.string(),
    rhcos_image: imageUrl,
    rhcos_rootfs: imageUrl.optional(),
    rhcos_version: z.string(),
    support_level: supportLevelSchema.optional(),
    default: z.boolean().optional(),
  }),
);

export type OsImageRow = z.output<typeof osImageRowSchema>;
export type ReleaseImageRow = z.output<typeof releaseImageRowSchema>;
export type Catalog = { osImages: OsImageRow[]; releaseImages: ReleaseImageRow[] };
