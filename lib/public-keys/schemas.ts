// Request bodies of the IMS public-keys API, shared by the route handlers and the console form.
import { z } from "zod";
import { pagination } from "@/lib/http/params";
import { nameField, sshPublicKey } from "@/lib/validation/fields";

export const publicKeyCreateSchema = z
  .object({
    name: nameField(128),
    public_key: sshPublicKey,
  })
  .strict();

export const publicKeyListQuery = z
  .object({
    name: z.string().max(128).optional(),
    ...pagination,
  })
  .strict();

export type PublicKeyCreate = z.output<typeof publicKeyCreateSchema>;
