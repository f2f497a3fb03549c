// Request bodies of the IMS images API, shared with the console.
import { z } from "zod";
import { archSchema } from "@/lib/arch";
import { linkSchema } from "@/lib/ims/common";
import { nameField, plainText, refuseProtoKey } from "@/lib/validation/fields";

const labelKey = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_./-]+$/, "Letters, digits, '_', '.', '/', '-'");
const labelValue = plainText(1024);
const labels = refuseProtoKey(z.record(labelKey, labelValue)).refine(
  (m) => Object.keys(m).length <= 64,
  "At most 64 labels",
);

export const imageCreateSchema = z
  .object({
    name: nameField(128),
    arch: archSchema.optional(),
    link: linkSchema.optional(),
    metadata: labels.optional(),
  })
  .strict();

/** IMS's own form of a label change, accepted alongside a plain map ({key: value|null}). */
const metadataOperation = z
  .object({ operation: z.enum(["set", "remove"]), key: labelKey, value: labelValue.optional() })
  .strict()
  .refine((op) => op.operation === "remove" || op.value !== undefined, {
    message: "set needs a value",
    path: ["value"],
  });

export const imagePatchSchema = z
  .object({
    arch: archSchema.optional(),
    link: linkSchema.optional(),
    metadata: z.union([metadataOperation, refuseProtoKey(z.record(labelKey, labelValue.nullable()))]).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one of arch, link, metadata");

export type ImageCreate = z.output<typeof imageCreateSchema>;
export type ImagePatch = z.output<typeof imagePatchSchema>;
