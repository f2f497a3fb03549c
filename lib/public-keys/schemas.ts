// Request bodies of the IMS public-keys API, shared by the route handlers and the console form.
import { z } from "zod";
import { sshPublicKey } from "@/lib/validation/fields";

export const publicKeyCreateSchema = z
  .object({
    name: z.string().trim().min(1, "Required").max(128),
    public_key: sshPublicKey,
  })
  .strict();

export const publicKeyListQuery = z
  .object({
    name: z.string().max(128).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export type PublicKeyCreate = z.output<typeof publicKeyCreateSchema>;
