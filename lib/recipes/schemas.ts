// Request bodies of the IMS recipes API (openapi.yaml's subset), shared with the console form.
import { z } from "zod";
import { archSchema } from "@/lib/arch";
import { nameField } from "@/lib/validation/fields";

export const RECIPE_TYPES = ["kiwi-ng", "packer", "rootfs"] as const;

export const templateDictionary = z
  .array(
    z
      .object({
        key: z
          .string()
          .trim()
          .min(1)
          .max(128)
          .regex(/^[A-Za-z_][\w.-]*$/, "Letters, digits, '_', '.', '-'"),
        value: z.string().max(4096),
      })
      .strict(),
  )
  .max(200)
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, "Keys must be unique");

export const recipeCreateSchema = z
  .object({
    name: nameField(128),
    recipe_type: z.enum(RECIPE_TYPES),
    linux_distribution: z
      .string()
      .trim()
      .min(1, "Required")
      .max(32)
      .regex(/^[a-z][a-z0-9._-]*$/, "Lowercase, such as sles15 or debian12"),
    arch: archSchema.optional(),
    require_dkms: z.boolean().optional(),
    template_dictionary: templateDictionary.optional(),
  })
  .strict();

export const recipePatchSchema = z
  .object({
    arch: archSchema.optional(),
    require_dkms: z.boolean().optional(),
    template_dictionary: templateDictionary.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one of arch, require_dkms, template_dictionary");

export type RecipeCreate = z.output<typeof recipeCreateSchema>;
export type RecipePatch = z.output<typeof recipePatchSchema>;
