// Request bodies of the clusters API (assisted-service's cluster-create-params and
// v2-cluster-update-params), shared by the route handlers and the New cluster dialog.
import { z } from "zod";
import { archOrMultiSchema } from "@/lib/arch";
import { optionalPagination } from "@/lib/http/params";
import {
  clearable,
  dnsDomain,
  dnsLabel,
  emptyToUndefined,
  nameField,
  noProxyList,
  proxyUrl,
  pullSecret,
  sshPublicKeys,
} from "@/lib/validation/fields";

export const HA_MODES = ["Full", "None"] as const;
export const CONTROL_PLANE_COUNTS = [1, 3, 4, 5] as const;

export const olmOperatorInput = z
  .object({
    name: nameField(64),
    properties: z.string().max(4096).optional(),
  })
  .strict();

const openshiftVersion = z
  .string()
  .trim()
  .min(1, "Required")
  .regex(/^\d+\.\d+(\.\d+)?(-[\w.]+)?$/, "Expected an OpenShift version such as 4.14 or 4.14.3");

export const clusterCreateSchema = z
  .object({
    name: dnsLabel,
    openshift_version: openshiftVersion,
    cpu_architecture: archOrMultiSchema.optional(),
    high_availability_mode: z.enum(HA_MODES).optional(),
    control_plane_count: z
      .number()
      .int()
      .refine((n) => (CONTROL_PLANE_COUNTS as readonly number[]).includes(n), "Expected 1 (single-node), 3, 4 or 5")
      .optional(),
    base_dns_domain: emptyToUndefined(dnsDomain),
    ssh_public_key: emptyToUndefined(sshPublicKeys),
    pull_secret: emptyToUndefined(pullSecret),
    olm_operators: z.array(olmOperatorInput).max(20).optional(),
    http_proxy: emptyToUndefined(proxyUrl),
    https_proxy: emptyToUndefined(proxyUrl),
    no_proxy: emptyToUndefined(noProxyList),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (
      v.high_availability_mode &&
      v.control_plane_count !== undefined &&
      (v.high_availability_mode === "None") !== (v.control_plane_count === 1)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["control_plane_count"],
        message: `control_plane_count ${v.control_plane_count} contradicts high_availability_mode ${v.high_availability_mode} (None means one control plane node)`,
      });
    }
  });

/** Create-only fields: accepted in an update only when they repeat the current value. */
export const CLUSTER_CREATE_ONLY = [
  "cpu_architecture",
  "openshift_version",
  "high_availability_mode",
  "control_plane_count",
] as const;

export const clusterUpdateSchema = z
  .object({
    name: dnsLabel.optional(),
    base_dns_domain: clearable(dnsDomain),
    ssh_public_key: clearable(sshPublicKeys),
    pull_secret: emptyToUndefined(pullSecret),
    olm_operators: z.array(olmOperatorInput).max(20).optional(),
    http_proxy: clearable(proxyUrl),
    https_proxy: clearable(proxyUrl),
    no_proxy: clearable(noProxyList),
    cpu_architecture: z.string().optional(),
    openshift_version: z.string().optional(),
    high_availability_mode: z.string().optional(),
    control_plane_count: z.number().optional(),
  })
  .strict();

export type ClusterCreateInput = z.input<typeof clusterCreateSchema>;
export type ClusterCreate = z.output<typeof clusterCreateSchema>;
export type ClusterUpdate = z.output<typeof clusterUpdateSchema>;

/** GET /clusters: filters on indexed columns, and a page (every cluster without `limit`). */
export const clusterListQuery = z
  .object({
    name: z.string().max(128).optional(),
    cpu_architecture: archOrMultiSchema.optional(),
    ...optionalPagination,
  })
  .strict();

export type ClusterListQuery = z.output<typeof clusterListQuery>;
