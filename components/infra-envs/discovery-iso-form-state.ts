// The Generate discovery ISO form: starts from the infra-env's own settings and sends back only what
// changed (the ISO content follows the infra-env). Kernel arguments are the append operations, one
// per line; replace/delete operations set through the API are kept as they are.

import type { FieldErrors } from "@/lib/api-client/api-error";
import type { InfraEnvJson } from "@/lib/api-client/infra-envs";
import { type ImageType, type InfraEnvField, infraEnvFieldFor, kernelArgLines } from "./infra-env-form-state";

export type IsoFormValues = {
  imageType: ImageType;
  sshKey: string;
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  kernelArgs: string;
};

type KernelArg = { operation: "append" | "replace" | "delete"; value: string };

function kernelArgsOf(infraEnv: InfraEnvJson): KernelArg[] {
  return (infraEnv.kernel_arguments as Partial<KernelArg>[]).filter(
    (k): k is KernelArg => typeof k.value === "string" && typeof k.operation === "string",
  );
}

export function isoInitialValues(infraEnv: InfraEnvJson): IsoFormValues {
  return {
    imageType: infraEnv.type === "minimal-iso" ? "minimal-iso" : "full-iso",
    sshKey: infraEnv.ssh_authorized_key,
    httpProxy: infraEnv.proxy.http_proxy,
    httpsProxy: infraEnv.proxy.https_proxy,
    noProxy: infraEnv.proxy.no_proxy,
    kernelArgs: kernelArgsOf(infraEnv)
      .filter((k) => k.operation === "append")
      .map((k) => k.value)
      .join("\n"),
  };
}

/** The PATCH body: changed fields only ("" clears a proxy or the SSH key). Not yet validated. */
export function toIsoPatch(values: IsoFormValues, infraEnv: InfraEnvJson): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const initial = isoInitialValues(infraEnv);
  if (values.imageType !== initial.imageType) patch.image_type = values.imageType;
  if (values.sshKey.trim() !== initial.sshKey.trim()) patch.ssh_authorized_key = values.sshKey;
  const proxy: Record<string, string> = {};
  if (values.httpProxy.trim() !== initial.httpProxy) proxy.http_proxy = values.httpProxy;
  if (values.httpsProxy.trim() !== initial.httpsProxy) proxy.https_proxy = values.httpsProxy;
  if (values.noProxy.trim() !== initial.noProxy) proxy.no_proxy = values.noProxy;
  if (Object.keys(proxy).length) patch.proxy = proxy;
  const appends = kernelArgLines(values.kernelArgs);
  if (appends.join("\n") !== kernelArgLines(initial.kernelArgs).join("\n")) {
    // The list is replaced whole: the other operations first, as stored, then one append per line.
    const others = kernelArgsOf(infraEnv).filter((k) => k.operation !== "append");
    patch.kernel_arguments = [...others, ...appends.map((value) => ({ operation: "append", value }))];
  }
  return patch;
}

/** Errors on kernel_arguments.N name the form's line, past the kept non-append operations. */
export function withIsoKernelArgLines(errors: FieldErrors, infraEnv: InfraEnvJson): FieldErrors {
  const skip = kernelArgsOf(infraEnv).filter((k) => k.operation !== "append").length;
  const out: FieldErrors = Object.create(null); // keys echo the request's fields, even `__proto__`
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^kernel_arguments\.(\d+)/.exec(key);
    out[key] = m
      ? messages.map((msg) => (Number(m[1]) >= skip ? `Line ${Number(m[1]) - skip + 1}: ${msg}` : msg))
      : messages;
  }
  return out;
}

const ISO_FIELDS = [
  "image_type",
  "ssh_authorized_key",
  "proxy.http_proxy",
  "proxy.https_proxy",
  "proxy.no_proxy",
  "kernel_arguments",
] as const;
export type IsoField = (typeof ISO_FIELDS)[number];

/** The form field an API error key belongs to; anything else goes to the form-level alert. */
export function isoFieldFor(key: string): IsoField | null {
  const field: InfraEnvField | null = infraEnvFieldFor(key);
  return (ISO_FIELDS as readonly string[]).includes(field ?? "") ? (field as IsoField) : null;
}
