"use client";
// Edits what may change after creation: name, base domain, SSH key, pull secret. Architecture,
// version and control plane have no control here on purpose.
import { type FormEvent, useState } from "react";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { keyIs, type Routed, routeFieldErrors, zodFieldErrors } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { TextAreaField, TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api-client/api-error";
import type { ClusterJson } from "@/lib/api-client/clusters";
import { clusterUpdateSchema } from "@/lib/clusters/schemas";
import { useUpdateCluster } from "@/lib/queries/use-update-cluster";

type Field = "name" | "base_dns_domain" | "ssh_public_key" | "pull_secret";
const FIELDS: Field[] = ["name", "base_dns_domain", "ssh_public_key", "pull_secret"];
const fieldFor = (key: string) => FIELDS.find((f) => keyIs(key, f)) ?? null;

function EditClusterForm({ cluster, onDone }: { cluster: ClusterJson; onDone: () => void }) {
  const update = useUpdateCluster(cluster.id);
  const [values, setValues] = useState({
    name: cluster.name,
    base_dns_domain: cluster.base_dns_domain,
    ssh_public_key: cluster.ssh_public_key,
    pull_secret: "",
  });
  const [problems, setProblems] = useState<Routed<Field> & { detail?: string }>({ byField: {}, unmapped: [] });
  const set = (field: Field, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Only what changed; a blank pull secret keeps the stored one.
    const patch: Record<string, string> = {};
    if (values.name !== cluster.name) patch.name = values.name;
    if (values.base_dns_domain !== cluster.base_dns_domain) patch.base_dns_domain = values.base_dns_domain;
    if (values.ssh_public_key !== cluster.ssh_public_key) patch.ssh_public_key = values.ssh_public_key;
    if (values.pull_secret.trim()) patch.pull_secret = values.pull_secret;
    if (Object.keys(patch).length === 0) return onDone();
    const parsed = clusterUpdateSchema.safeParse(patch);
    if (!parsed.success) return setProblems(routeFieldErrors(zodFieldErrors(parsed.error), fieldFor));
    update.mutate(parsed.data, {
      onSuccess: onDone,
      onError: (err) => {
        const routed =
          err instanceof ApiError ? routeFieldErrors(err.fieldErrors, fieldFor) : { byField: {}, unmapped: [] };
        const unplaced = routed.unmapped.length > 0 || Object.keys(routed.byField).length === 0;
        setProblems({ ...routed, detail: unplaced ? err.message : undefined });
      },
    });
  };

  const errors = problems.byField;
  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        {problems.detail ? <FormAlert title="The cluster could not be updated">{problems.detail}</FormAlert> : null}
        <TextField
          label="Cluster name"
          data-autofocus
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          error={errors.name}
        />
        <TextField
          label="Base domain"
          optional
          value={values.base_dns_domain}
          onChange={(e) => set("base_dns_domain", e.target.value)}
          error={errors.base_dns_domain}
          hint="Clear the field to unset it."
        />
        <TextAreaField
          label="SSH public key"
          optional
          value={values.ssh_public_key}
          onChange={(e) => set("ssh_public_key", e.target.value)}
          error={errors.ssh_public_key}
        />
        <TextAreaField
          label="Pull secret"
          optional
          value={values.pull_secret}
          onChange={(e) => set("pull_secret", e.target.value)}
          error={errors.pull_secret}
          hint={
            cluster.pull_secret_set ? "A pull secret is stored; leave blank to keep it." : "No pull secret is stored."
          }
        />
      </DialogBody>
      <FormFooter
        action="cluster.update"
        onCancel={onDone}
        busy={update.isPending}
        submit="Save changes"
        busyLabel="Saving…"
      />
    </form>
  );
}

export function EditClusterDialog({
  cluster,
  open,
  onClose,
}: {
  cluster: ClusterJson;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Edit cluster"
      description="CPU architecture, OpenShift version and control plane are fixed at creation and cannot be edited."
    >
      <EditClusterForm cluster={cluster} onDone={onClose} />
    </Dialog>
  );
}
