"use client";
// The New infra-env form: validated with the API's schema first; the server's field errors land
// under their fields (proxy.http_proxy, kernel_arguments.N, ...).
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { ButtonLink } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { type Routed, routeFieldErrors, zodFieldErrors } from "@/components/ui/form-errors";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField, TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api-client/api-error";
import { archDisplayName, parseArch } from "@/lib/arch";
import { infraEnvCreateSchema } from "@/lib/infra-envs/schemas";
import { useCreateInfraEnv } from "@/lib/queries/use-create-infra-env";
import { InfraEnvArchFields } from "./infra-env-arch-fields";
import {
  boundCluster,
  defaultArchFor,
  type FormContext,
  type InfraEnvField,
  type InfraEnvFormValues,
  infraEnvFieldFor,
  initialValues,
  reconcile,
  toCreateInput,
  withKernelArgLines,
} from "./infra-env-form-state";
import { InfraEnvOptionalFields } from "./infra-env-optional-fields";

type Problems = Routed<InfraEnvField> & { detail?: string };

export function NewInfraEnvForm({ ctx, clusterId }: { ctx: FormContext; clusterId?: string }) {
  const router = useRouter();
  const create = useCreateInfraEnv();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<InfraEnvFormValues>(() => initialValues(ctx, clusterId));
  const [problems, setProblems] = useState<Problems>({ byField: {}, unmapped: [] });
  const [attempt, setAttempt] = useState(0);
  const errors = problems.byField;
  const cluster = boundCluster(values, ctx);

  useEffect(() => {
    if (attempt) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [attempt]);

  const update = (patch: Partial<InfraEnvFormValues>, field: InfraEnvField) => {
    setValues((v) => reconcile({ ...v, ...patch }, ctx));
    if (errors[field]) setProblems((p) => ({ ...p, byField: { ...p.byField, [field]: undefined } }));
  };

  const chooseCluster = (id: string) => {
    const next = ctx.clusters.find((c) => c.id === id);
    update(next ? { clusterId: id, arch: defaultArchFor(next) } : { clusterId: "" }, "cluster_id");
  };

  const fail = (next: Problems) => {
    setProblems(next);
    setAttempt((n) => n + 1);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = infraEnvCreateSchema.safeParse(toCreateInput(values));
    if (!parsed.success)
      return fail(routeFieldErrors(withKernelArgLines(zodFieldErrors(parsed.error)), infraEnvFieldFor));
    setProblems({ byField: {}, unmapped: [] });
    create.mutate(parsed.data, {
      onSuccess: (infraEnv) => router.push(`/infra-envs/${infraEnv.id}`),
      onError: (err) => {
        if (!(err instanceof ApiError)) return fail({ byField: {}, unmapped: [], detail: err.message });
        const routed = routeFieldErrors(withKernelArgLines(err.fieldErrors), infraEnvFieldFor);
        const unplaced = routed.unmapped.length > 0 || Object.keys(routed.byField).length === 0;
        fail({ ...routed, detail: unplaced ? err.detail : undefined });
      },
    });
  };

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <div className="space-y-5 p-5">
        {problems.detail || problems.unmapped.length ? (
          <FormAlert title="The infra-env could not be created">
            {problems.detail ? <p>{problems.detail}</p> : null}
            {problems.unmapped
              .filter((m) => m !== problems.detail)
              .map((m) => (
                <p key={m}>{m}</p>
              ))}
          </FormAlert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Name"
            name="name"
            autoFocus
            autoComplete="off"
            value={values.name}
            onChange={(e) => update({ name: e.target.value }, "name")}
            error={errors.name}
          />
          <SelectField
            label="Cluster"
            name="cluster_id"
            value={values.clusterId}
            onChange={(e) => chooseCluster(e.target.value)}
            error={errors.cluster_id}
            hint="Hosts that boot the ISO join this cluster. Without one, bind hosts later."
          >
            <option value="">None — standalone (late binding)</option>
            {ctx.clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {archDisplayName(parseArch(c.cpu_architecture) ?? "x86_64")}, OpenShift {c.openshift_version}
              </option>
            ))}
          </SelectField>
        </div>
        <InfraEnvArchFields values={values} ctx={ctx} cluster={cluster} errors={errors} onChange={update} />
        <TextAreaField
          label="SSH authorized key"
          name="ssh_authorized_key"
          optional
          placeholder="ssh-ed25519 AAAA… user@host"
          value={values.sshKey}
          onChange={(e) => update({ sshKey: e.target.value }, "ssh_authorized_key")}
          error={errors.ssh_authorized_key}
          hint="Lets you log in to hosts running the discovery ISO as user core."
        />
        <InfraEnvOptionalFields values={values} errors={errors} onChange={update} />
      </div>
      <div className="flex justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-3">
        <ButtonLink href={cluster ? `/clusters/${cluster.id}` : "/infra-envs"}>Cancel</ButtonLink>
        <RoleButton action="infra-env.create" type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create infra-env"}
        </RoleButton>
      </div>
    </form>
  );
}
