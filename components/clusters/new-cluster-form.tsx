"use client";
// The New cluster form: validated with the API's own schema before sending; the server's field
// errors land under the fields they concern.
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ArchRadioGroup } from "@/components/catalog/arch-radio-group";
import { DialogBody } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { type Routed, routeFieldErrors, zodFieldErrors } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { InlineNotice } from "@/components/ui/inline-notice";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField, TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api-client/api-error";
import type { ClusterJson } from "@/lib/api-client/clusters";
import type { OpenshiftVersions } from "@/lib/api-client/openshift-versions";
import {
  archAvailability,
  clusterArchOptions,
  findOffer,
  sortedVersionKeys,
  versionLabel,
} from "@/lib/catalog/arch-availability";
import { versionOffersArchChoice } from "@/lib/catalog/support";
import { clusterCreateSchema } from "@/lib/clusters/schemas";
import { useCreateCluster } from "@/lib/queries/use-create-cluster";
import {
  type ClusterField,
  type ClusterFormValues,
  clusterFieldFor,
  initialValues,
  reconcile,
  reconcileNotices,
  toCreateInput,
} from "./cluster-form-state";
import { ControlPlaneField } from "./control-plane-field";
import { MissingPullSecret } from "./missing-pull-secret";
import { OperatorsField } from "./operators-field";

type Problems = Routed<ClusterField> & { detail?: string };

const RECONCILED: ClusterField[] = ["openshift_version", "cpu_architecture", "control_plane"];

export function NewClusterForm({
  versions,
  onCancel,
  onCreated,
}: {
  versions: OpenshiftVersions;
  onCancel: () => void;
  onCreated: (c: ClusterJson) => void;
}) {
  const router = useRouter();
  const create = useCreateCluster();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ClusterFormValues>(() => initialValues(versions));
  const [problems, setProblems] = useState<Problems>({ byField: {}, unmapped: [] });
  const [attempt, setAttempt] = useState(0);
  const [notices, setNotices] = useState<string[]>([]);

  // The dialog may have opened before the versions arrived; start at the first field either way.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);

  // After a failed submit, take the keyboard to the first thing that needs fixing.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current
      ?.querySelector<HTMLElement>(
        '[aria-invalid="true"], fieldset[aria-describedby*="error"] input:checked, [role="alert"]',
      )
      ?.focus();
  }, [attempt]);

  const offer = findOffer(versions, values.version);
  const archOptions = clusterArchOptions(values.version, offer);
  const chosen = archAvailability(values.version, offer, values.arch);
  const errors = problems.byField;

  const update = (patch: Partial<ClusterFormValues>, field: ClusterField) => {
    const asked = { ...values, ...patch };
    const next = reconcile(asked, versions);
    setValues(next);
    // Say what a choice undid and why; a later choice of the same kind replaces the note.
    const changed = reconcileNotices(asked, next, versions);
    if (changed.length || RECONCILED.includes(field)) setNotices(changed);
    if (errors[field]) setProblems((p) => ({ ...p, byField: { ...p.byField, [field]: undefined } }));
  };

  const fail = (next: Problems) => {
    setProblems(next);
    setAttempt((n) => n + 1);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = clusterCreateSchema.safeParse(toCreateInput(values));
    if (!parsed.success) return fail(routeFieldErrors(zodFieldErrors(parsed.error), clusterFieldFor));
    setProblems({ byField: {}, unmapped: [] });
    create.mutate(parsed.data, {
      onSuccess: (cluster) => {
        onCreated(cluster);
        router.push(`/clusters/${cluster.id}`);
      },
      onError: (err) => {
        if (!(err instanceof ApiError)) return fail({ byField: {}, unmapped: [], detail: err.message });
        const routed = routeFieldErrors(err.fieldErrors, clusterFieldFor);
        const unplaced = routed.unmapped.length > 0 || Object.keys(routed.byField).length === 0;
        fail({ ...routed, detail: unplaced ? err.detail : undefined });
      },
    });
  };

  const alert = problems.detail ?? (problems.unmapped.length ? "Some values were not accepted." : null);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <DialogBody>
        {alert ? (
          <FormAlert title="The cluster could not be created">
            <p>{alert}</p>
            {problems.unmapped
              .filter((m) => m !== problems.detail)
              .map((m) => (
                <p key={m}>{m}</p>
              ))}
          </FormAlert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Cluster name"
            name="name"
            data-autofocus
            autoComplete="off"
            value={values.name}
            onChange={(e) => update({ name: e.target.value }, "name")}
            error={errors.name}
            hint="Lowercase letters, digits and '-'"
          />
          <TextField
            label="Base domain"
            name="base_dns_domain"
            optional
            autoComplete="off"
            placeholder="example.com"
            value={values.baseDomain}
            onChange={(e) => update({ baseDomain: e.target.value }, "base_dns_domain")}
            error={errors.base_dns_domain}
          />
        </div>
        <SelectField
          label="OpenShift version"
          name="openshift_version"
          value={values.version}
          onChange={(e) => update({ version: e.target.value }, "openshift_version")}
          error={errors.openshift_version}
        >
          {sortedVersionKeys(versions).map((key) => (
            <option key={key} value={key}>
              {versionLabel(key, versions[key])}
              {versions[key].default ? " — default" : ""}
            </option>
          ))}
        </SelectField>
        {notices.length ? (
          <InlineNotice title="Changed to fit this version">
            {notices.map((n) => (
              <p key={n}>{n}</p>
            ))}
          </InlineNotice>
        ) : null}
        <ArchRadioGroup
          name="cpu_architecture"
          value={values.arch}
          options={archOptions}
          onChange={(arch) => update({ arch }, "cpu_architecture")}
          error={errors.cpu_architecture}
          hint={
            versionOffersArchChoice(values.version)
              ? "Set at creation; cannot be changed later."
              : `OpenShift ${values.version} predates multi-architecture support: x86_64 only.`
          }
        />
        <ControlPlaneField
          value={values.controlPlane}
          onChange={(controlPlane) => update({ controlPlane, preferredControlPlane: controlPlane }, "control_plane")}
          singleNodeOnlyReason={chosen.singleNodeOnlyReason}
          error={errors.control_plane}
        />
        <OperatorsField
          values={values}
          onChange={(operators) => update({ operators }, "olm_operators")}
          error={errors.olm_operators}
        />
        <TextAreaField
          label="SSH public key"
          name="ssh_public_key"
          optional
          placeholder="ssh-ed25519 AAAA… user@host"
          value={values.sshKey}
          onChange={(e) => update({ sshKey: e.target.value }, "ssh_public_key")}
          error={errors.ssh_public_key}
          hint="Lets you log in to the hosts as user core."
        />
        <TextAreaField
          label="Pull secret"
          name="pull_secret"
          optional
          placeholder='{"auths": {…}}'
          value={values.pullSecret}
          onChange={(e) => update({ pullSecret: e.target.value }, "pull_secret")}
          error={errors.pull_secret}
          hint="Stored write-only; never shown again."
        />
        {values.pullSecret.trim() ? null : <MissingPullSecret />}
      </DialogBody>
      <FormFooter
        action="cluster.create"
        onCancel={onCancel}
        busy={create.isPending}
        submit="Create cluster"
        busyLabel="Creating…"
      />
    </form>
  );
}
