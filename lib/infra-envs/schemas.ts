// Request bodies of the infra-envs API (assisted-service's infra-env-create-params and
// infra-env-update-params), shared by the route handlers and the console forms.
import { z } from "zod";
import { archSchema } from "@/lib/arch";
import { optionalPagination } from "@/lib/http/params";
import { KARG } from "@/lib/iso/kargs";
import {
  clearable,
  emptyToUndefined,
  jsonDepth,
  MAX_JSON_DEPTH,
  nameField,
  noProxyList,
  proxyUrl,
  pullSecret,
  sshPublicKeys,
} from "@/lib/validation/fields";

export const IMAGE_TYPES = ["full-iso", "minimal-iso"] as const;

export const proxySchema = z
  .object({
    http_proxy: clearable(proxyUrl),
    https_proxy: clearable(proxyUrl),
    no_proxy: clearable(noProxyList),
  })
  .strict();

export const kernelArgumentSchema = z
  .object({
    operation: z.enum(["append", "replace", "delete"]),
    value: z
      .string()
      .trim()
      .min(1)
      .max(1024)
      .regex(KARG, "One kernel argument, without spaces or quotes: letters, digits and ! % + , - . / : = @ [ ] ^ _ ~"),
  })
  .strict();

const macAddress = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/, "Expected a MAC address such as 52:54:00:12:34:56");

export const staticNetworkConfigSchema = z
  .object({
    network_yaml: z
      .string()
      .min(1)
      .max(64 * 1024),
    mac_interface_map: z
      .array(z.object({ mac_address: macAddress, logical_nic_name: nameField(15) }).strict())
      .max(64)
      .optional(),
  })
  .strict();

export const IGNITION_OVERRIDE_MAX_BYTES = 200 * 1024;

/** An Ignition config (3.x) to merge into the discovery ISO's; kept as the text the user sent. */
export const ignitionOverride = z
  .string()
  .max(IGNITION_OVERRIDE_MAX_BYTES, `At most ${IGNITION_OVERRIDE_MAX_BYTES / 1024} KiB`)
  .superRefine((text, ctx) => {
    // The override is merged recursively into the discovery config when an ISO is served.
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      ctx.addIssue({ code: "custom", message: `Nested deeper than ${MAX_JSON_DEPTH} levels` });
      return;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `Not valid JSON: ${(err as Error).message}` });
      return;
    }
    const version = (doc as { ignition?: { version?: unknown } })?.ignition?.version;
    if (typeof version !== "string" || !/^3\.[0-4]\.\d+$/.test(version)) {
      ctx.addIssue({
        code: "custom",
        message: 'Expected an Ignition config with "ignition": {"version": "3.x.0"} (3.0 to 3.4)',
      });
    }
  });

export const infraEnvCreateSchema = z
  .object({
    name: nameField(128),
    cluster_id: z.uuid("Expected a cluster id (UUID)").optional(),
    openshift_version: emptyToUndefined(
      z
        .string()
        .trim()
        .regex(/^\d+\.\d+(\.\d+)?(-[\w.]+)?$/, "Expected an OpenShift version such as 4.14"),
    ),
    cpu_architecture: archSchema.optional(),
    image_type: z.enum(IMAGE_TYPES).optional(),
    ssh_authorized_key: emptyToUndefined(sshPublicKeys),
    pull_secret: emptyToUndefined(pullSecret),
    proxy: proxySchema.optional(),
    additional_ntp_sources: emptyToUndefined(
      z
        .string()
        .trim()
        .max(1024)
        .regex(/^[\w.:-]+(,[\w.:-]+)*$/, "Comma-separated NTP servers"),
    ),
    kernel_arguments: z.array(kernelArgumentSchema).max(64).optional(),
    ignition_config_override: emptyToUndefined(ignitionOverride),
    static_network_config: z.array(staticNetworkConfigSchema).max(256).optional(),
  })
  .strict();

export const infraEnvUpdateSchema = z
  .object({
    name: nameField(128).optional(),
    image_type: z.enum(IMAGE_TYPES).optional(),
    ssh_authorized_key: clearable(sshPublicKeys),
    pull_secret: emptyToUndefined(pullSecret),
    proxy: proxySchema.optional(),
    additional_ntp_sources: clearable(
      z
        .string()
        .trim()
        .max(1024)
        .regex(/^[\w.:-]+(,[\w.:-]+)*$/, "Comma-separated NTP servers"),
    ),
    kernel_arguments: z.array(kernelArgumentSchema).max(64).optional(),
    ignition_config_override: clearable(ignitionOverride),
    static_network_config: z.array(staticNetworkConfigSchema).max(256).optional(),
    cpu_architecture: z.string().optional(),
    cluster_id: z.string().nullable().optional(),
    openshift_version: z.string().optional(),
  })
  .strict();

export type InfraEnvCreateInput = z.input<typeof infraEnvCreateSchema>;
export type InfraEnvCreate = z.output<typeof infraEnvCreateSchema>;
export type InfraEnvUpdate = z.output<typeof infraEnvUpdateSchema>;

/** GET /infra-envs: filters on indexed columns, and a page (every infra-env without `limit`). */
export const infraEnvListQuery = z
  .object({
    cluster_id: z.uuid("Expected a cluster id (UUID)").optional(),
    name: z.string().max(128).optional(),
    cpu_architecture: archSchema.optional(),
    ...optionalPagination,
  })
  .strict();

export type InfraEnvListQuery = z.output<typeof infraEnvListQuery>;
