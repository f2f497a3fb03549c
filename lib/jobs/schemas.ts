// The IMS job request (openapi.yaml's subset). `arch` is not accepted: a job takes the arch of its
// recipe (create) or base image (customize).
import { z } from "zod";
import { pagination } from "@/lib/http/params";
import { nameField } from "@/lib/validation/fields";
import { JOB_STATUSES } from "./statuses";

export const JOB_TYPES = ["create", "customize"] as const;
export { JOB_STATUSES } from "./statuses";

export const jobCreateSchema = z
  .object({
    job_type: z.enum(JOB_TYPES),
    artifact_id: z.uuid("Expected the id of a recipe (create) or an image (customize)"),
    public_key_id: z.uuid().optional(),
    image_root_archive_name: z
      .string()
      .trim()
      .min(1, "Required")
      .max(128)
      .regex(/^[\w.-]+$/, "Letters, digits, '_', '.', '-'"),
    kernel_file_name: nameField(128).optional(),
    initrd_file_name: nameField(128).optional(),
    enable_debug: z.boolean().optional(),
    build_env_size: z.number().int().min(1).max(1024).optional(),
    customization_script: z
      .string()
      .max(256 * 1024)
      .optional(),
    arch: z.unknown().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.arch !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["arch"],
        message: "arch is not set on a job: it comes from the recipe (create) or the base image (customize)",
      });
    if (v.job_type === "customize" && !v.customization_script?.trim())
      ctx.addIssue({
        code: "custom",
        path: ["customization_script"],
        message: "A customize job needs the script to run inside the image",
      });
  });

export const jobListQuery = z
  .object({
    status: z.enum(JOB_STATUSES).optional(),
    job_type: z.enum(JOB_TYPES).optional(),
    arch: z.string().optional(),
    ...pagination,
  })
  .strict();

export type JobCreate = z.output<typeof jobCreateSchema>;
