// The New infra-env form's values and rules: a bound infra-env follows its cluster's version and
// architecture (either main one for a multi cluster); a standalone one picks its own, never multi.

import { keyIs } from "@/components/ui/form-errors";
import type { FieldErrors } from "@/lib/api-client/api-error";
import type { ClusterJson } from "@/lib/api-client/clusters";
import type { OpenshiftVersions } from "@/lib/api-client/openshift-versions";
import { type Arch, parseArch, toAssistedArch } from "@/lib/arch";
import { defaultVersionKey, findOffer, hostArchesFor, infraEnvArchOptions } from "@/lib/catalog/arch-availability";
import type { InfraEnvCreateInput } from "@/lib/infra-envs/schemas";

export type ImageType = "full-iso" | "minimal-iso";

export type InfraEnvFormValues = {
  name: string;
  clusterId: string;
  arch: Arch;
  version: string;
  imageType: ImageType;
  sshKey: string;
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  kernelArgs: string;
};

export type InfraEnvField =
  | "name"
  | "cluster_id"
  | "cpu_architecture"
  | "openshift_version"
  | "image_type"
  | "ssh_authorized_key"
  | "proxy.http_proxy"
  | "proxy.https_proxy"
  | "proxy.no_proxy"
  | "kernel_arguments";

export type FormContext = { versions: OpenshiftVersions; clusters: ClusterJson[] };

export function boundCluster(values: Pick<InfraEnvFormValues, "clusterId">, ctx: FormContext): ClusterJson | undefined {
  return values.clusterId ? ctx.clusters.find((c) => c.id === values.clusterId) : undefined;
}

export function archOptions(values: InfraEnvFormValues, ctx: FormContext) {
  const cluster = boundCluster(values, ctx);
  return infraEnvArchOptions(
    values.version,
    findOffer(ctx.versions, values.version),
    cluster ? parseArch(cluster.cpu_architecture) : null,
  );
}

/** The architecture an infra-env for this cluster starts with: the cluster's own, x86_64 for multi. */
export function defaultArchFor(cluster: ClusterJson): Arch {
  const arch = parseArch(cluster.cpu_architecture);
  return arch ? hostArchesFor(arch)[0] : "x86_64";
}

/** A bound infra-env takes the cluster's version; an architecture that is no longer possible falls back. */
export function reconcile(values: InfraEnvFormValues, ctx: FormContext): InfraEnvFormValues {
  const cluster = boundCluster(values, ctx);
  const next = cluster ? { ...values, version: cluster.openshift_version } : values;
  const options = archOptions(next, ctx);
  if (options.find((o) => o.arch === next.arch)?.available) return next;
  const preferred = cluster ? defaultArchFor(cluster) : "x86_64";
  const fallback = options.find((o) => o.arch === preferred && o.available) ?? options.find((o) => o.available);
  return { ...next, arch: fallback?.arch ?? preferred };
}

export function initialValues(ctx: FormContext, clusterId?: string): InfraEnvFormValues {
  const cluster = clusterId ? ctx.clusters.find((c) => c.id === clusterId) : undefined;
  const values: InfraEnvFormValues = {
    name: "",
    clusterId: cluster?.id ?? "",
    arch: cluster ? defaultArchFor(cluster) : "x86_64",
    version: cluster?.openshift_version ?? defaultVersionKey(ctx.versions) ?? "",
    imageType: "full-iso",
    sshKey: "",
    httpProxy: "",
    httpsProxy: "",
    noProxy: "",
    kernelArgs: "",
  };
  return reconcile(values, ctx);
}

export function kernelArgLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

export function toCreateInput(values: InfraEnvFormValues): InfraEnvCreateInput {
  const proxy = Object.fromEntries(
    Object.entries({ http_proxy: values.httpProxy, https_proxy: values.httpsProxy, no_proxy: values.noProxy }).filter(
      ([, v]) => v.trim() !== "",
    ),
  );
  const kernelArgs = kernelArgLines(values.kernelArgs);
  return {
    name: values.name,
    ...(values.clusterId ? { cluster_id: values.clusterId } : {}),
    openshift_version: values.version,
    cpu_architecture: toAssistedArch(values.arch),
    image_type: values.imageType,
    ssh_authorized_key: values.sshKey,
    ...(Object.keys(proxy).length ? { proxy } : {}),
    ...(kernelArgs.length
      ? { kernel_arguments: kernelArgs.map((value) => ({ operation: "append" as const, value })) }
      : {}),
  };
}

const FIELDS: InfraEnvField[] = [
  "name",
  "cluster_id",
  "cpu_architecture",
  "openshift_version",
  "image_type",
  "ssh_authorized_key",
  "proxy.http_proxy",
  "proxy.https_proxy",
  "proxy.no_proxy",
  "kernel_arguments",
];

export function infraEnvFieldFor(key: string): InfraEnvField | null {
  return FIELDS.find((f) => keyIs(key, f)) ?? null;
}

/** Kernel argument errors arrive per array index; the form has one line per argument. */
export function withKernelArgLines(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = Object.create(null); // keys echo the request's fields, even `__proto__`
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^kernel_arguments\.(\d+)/.exec(key);
    out[key] = m ? messages.map((msg) => `Line ${Number(m[1]) + 1}: ${msg}`) : messages;
  }
  return out;
}
