"use client";
// Proxy settings and extra kernel arguments of an infra-env (the New form and the Generate ISO dialog).
import { TextAreaField, TextField } from "@/components/ui/text-field";
import type { InfraEnvField, InfraEnvFormValues } from "./infra-env-form-state";

type Values = Pick<InfraEnvFormValues, "httpProxy" | "httpsProxy" | "noProxy" | "kernelArgs">;

type Props = {
  values: Values;
  errors: Partial<Record<InfraEnvField, string[]>>;
  onChange: (patch: Partial<Values>, field: InfraEnvField) => void;
};

export function InfraEnvOptionalFields({ values, errors, onChange }: Props) {
  return (
    <>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Proxy</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="HTTP proxy"
            optional
            placeholder="http://proxy.example.com:3128"
            value={values.httpProxy}
            onChange={(e) => onChange({ httpProxy: e.target.value }, "proxy.http_proxy")}
            error={errors["proxy.http_proxy"]}
          />
          <TextField
            label="HTTPS proxy"
            optional
            placeholder="http://proxy.example.com:3128"
            value={values.httpsProxy}
            onChange={(e) => onChange({ httpsProxy: e.target.value }, "proxy.https_proxy")}
            error={errors["proxy.https_proxy"]}
          />
        </div>
        <TextField
          label="No proxy"
          optional
          placeholder=".cluster.local,10.0.0.0/8"
          value={values.noProxy}
          onChange={(e) => onChange({ noProxy: e.target.value }, "proxy.no_proxy")}
          error={errors["proxy.no_proxy"]}
          hint="Comma-separated domains, IPs or CIDRs, or * for none."
        />
      </fieldset>
      <TextAreaField
        label="Additional kernel arguments"
        name="kernel_arguments"
        optional
        rows={3}
        placeholder={"console=ttyS0,115200\nrd.neednet=1"}
        value={values.kernelArgs}
        onChange={(e) => onChange({ kernelArgs: e.target.value }, "kernel_arguments")}
        error={errors.kernel_arguments}
        hint="One argument per line; each is appended to the discovery ISO's kernel command line."
      />
    </>
  );
}
