// Request bodies of the IMS images API, shared with the console.
import { z } from "zod";
import { archSchema } from "@/lib/arch";
import { linkSchema } from "@/lib/ims/common";

const labelKey = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_./-]+$/, "Letters, digits, '_', '.', '/', '-'");
const labels = z.record(labelKey, z.string().max(1024)).refine((m) => Object.keys(m).length <= 64, "At most 64 labels");

export const imageCreateSchema = z
  .object({
    name: z.string().trim().min(1, "Required").max(128),
    arch: archSchema.optional(),
    link: linkSchema.optional(),
    metadata: labels.optional(),
  })
  .strict();

/** IMS's own form of a label change, accepted alongside a plain map ({key: value|null}). */
const metadataOperation = z
  .object({ operation: z.enum(["set", "remove"]), key: labelKey, value: z.string().max(1024).optional() })
  .strict()
  .refine((op) => op.operation === "remove" || op.value !== undefined, {
    message: "set needs a value",
    path: ["value"],
  });

export const imagePatchSchema = z
  .object({
    arch: archSchema.optional(),
    link: linkSchema.optional(),
    metadata: z.union([metadataOperation, z.record(labelKey, z.string().max(1024).nullable())]).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one of arch, link, metadata");

export type ImageCreate = z.output<typeof imageCreateSchema>;
export type ImagePatch = z.output<typeof imagePatchSchema>;
