// Request bodies and responses of the accounts API (users, tokens, audit), shared with the forms.
import { z } from "zod";
import { pagination } from "@/lib/http/params";
import { nameField } from "@/lib/validation/fields";
import { ROLES } from "./roles";

/** Local user names: what the sign-in library is configured to accept too. */
export const USERNAME = /^[a-z0-9._-]{2,64}$/;

const role = z.enum(ROLES, "One of viewer, operator, admin");

export const tokenCreateSchema = z
  .object({
    name: nameField(64),
    role,
    /** Omitted or null: the token never expires (revoke it instead). */
    expires_in_days: z.number().int().min(1, "At least 1 day").max(3650, "At most 3650 days").nullable().optional(),
  })
  .strict();

export const userCreateSchema = z
  .object({
    username: z.string().trim().toLowerCase().regex(USERNAME, "2 to 64 letters, digits, dots, dashes or underscores"),
    password: z.string().min(8, "At least 8 characters").max(128, "At most 128 characters"),
    role,
  })
  .strict();

export const userUpdateSchema = z.object({ role }).strict();

export const userIdParam = z.object({ user_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "No such user") });

export const auditQuerySchema = z
  .object({ actor: z.string().max(200).optional(), action: z.string().max(64).optional(), ...pagination })
  .strict();

export type TokenCreate = z.output<typeof tokenCreateSchema>;
export type UserCreate = z.input<typeof userCreateSchema>;
