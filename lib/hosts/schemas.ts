// Request bodies of the hosts API, as assisted-service's swagger names them: host-create-params,
// step-reply, host-update-params and bind-host-params; and the hosts list's query.
import { z } from "zod";
import { optionalPagination } from "@/lib/http/params";
import { refuseProtoKey } from "@/lib/validation/fields";
import { ROLES } from "./requirements";
import { HOST_STATUSES, type HostStatus } from "./status";

/** Text that is stored (or put in an event): PostgreSQL refuses NUL in text and jsonb. */
const storable = <T extends z.ZodString>(t: T) =>
  t.refine((v) => !v.includes("\u0000"), "NUL characters (\\u0000) cannot be stored");

export const hostIdParams = z.object({
  infra_env_id: z.uuid("No such infra-env"),
  host_id: z.uuid("No such host"),
});

export const hostCreateSchema = z
  .object({
    host_id: z.uuid("Expected the host's id (a UUID)"),
    discovery_agent_version: storable(z.string().trim().max(256)).optional(),
  })
  .strict();

export const stepReplySchema = z.object({
  step_type: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/, "Expected a step type such as inventory"),
  step_id: z.string().max(128).optional(),
  exit_code: z.number().int(),
  /** Text, as assisted-service sends it; a JSON object is taken too (a shell agent need not escape its inventory). */
  output: z
    .union([z.string(), refuseProtoKey(z.record(z.string(), z.unknown()))])
    .optional()
    .default(""),
  error: storable(z.string().max(64 * 1024)).optional(),
});

export const hostUpdateSchema = z
  .object({
    host_name: z.string().trim().min(1, "Required").max(253).optional(),
    host_role: z.enum(ROLES, `Expected one of ${ROLES.join(", ")}`).optional(),
  })
  .strict();

/** `status`: a comma-separated list of host statuses, each spelled exactly (known and known-unbound are two). */
const statusList = z
  .string()
  .optional()
  .transform((s, ctx) => {
    const list = (s ?? "")
      .split(",")
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean);
    if (!list.length) return undefined;
    const bad = list.filter((x) => !(HOST_STATUSES as readonly string[]).includes(x));
    if (bad.length) {
      ctx.addIssue({ code: "custom", message: `Unknown status ${bad.join(", ")}; use ${HOST_STATUSES.join(", ")}` });
      return z.NEVER;
    }
    return [...new Set(list)] as HostStatus[];
  });

/** The hosts list's query: limit/offset (every host without limit) and an optional status filter. */
export const hostListQuerySchema = z.object({ ...optionalPagination, status: statusList }).strict();

export const bindHostSchema = z.object({ cluster_id: z.uuid("Expected a cluster id (UUID)") }).strict();

export type HostCreate = z.output<typeof hostCreateSchema>;
export type StepReply = z.output<typeof stepReplySchema>;
export type HostUpdate = z.output<typeof hostUpdateSchema>;
export type HostListQuery = z.output<typeof hostListQuerySchema>;
