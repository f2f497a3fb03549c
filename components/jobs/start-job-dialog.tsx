"use client";
// Starting a create job (from a recipe) or a customize job (from an image). The job's architecture is
// not a choice: it is the recipe's or image's, said up front with whether it will be emulated. Usage:
//   <StartJobButton kind="customize" artifact={{ id: image.id, name: image.name, arch: image.arch }} />
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { keyIs, routeFieldErrors, zodFieldErrors } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api-client/api-error";
import type { JobCreateBody } from "@/lib/api-client/jobs";
import { jobCreateSchema } from "@/lib/jobs/schemas";
import { useCreateJob } from "@/lib/queries/use-create-job";
import { JobArchBanner, type JobArtifact, type JobKind } from "./job-arch-banner";
import { PublicKeyField } from "./public-key-field";
import { ScriptField } from "./script-field";

export type { JobArtifact, JobKind };

type Field = "name" | "script" | "public_key";

const suggestName = (artifact: JobArtifact, kind: JobKind) =>
  `${artifact.name.replace(/[^\w.-]+/g, "-")}-${kind === "create" ? "build" : "custom"}`.slice(0, 128);

export function StartJobButton({ kind, artifact, label }: { kind: JobKind; artifact: JobArtifact; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <RoleButton action="job.create" variant="primary" onClick={() => setOpen(true)}>
        {label ?? (kind === "create" ? "Build image…" : "Customize…")}
      </RoleButton>
      {open ? <StartJobDialog kind={kind} artifact={artifact} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function StartJobDialog({
  kind,
  artifact,
  onClose,
}: {
  kind: JobKind;
  artifact: JobArtifact;
  onClose: () => void;
}) {
  const router = useRouter();
  const create = useCreateJob();
  const [name, setName] = useState(() => suggestName(artifact, kind));
  const [script, setScript] = useState("");
  const [debug, setDebug] = useState(false);
  const [publicKeyId, setPublicKeyId] = useState("");
  const [errors, setErrors] = useState<{ byField: Partial<Record<Field, string[]>>; unmapped: string[] }>({
    byField: {},
    unmapped: [],
  });

  const route = (key: string): Field | null =>
    keyIs(key, "image_root_archive_name")
      ? "name"
      : keyIs(key, "customization_script")
        ? "script"
        : keyIs(key, "public_key_id")
          ? "public_key"
          : null;

  const submit = () => {
    const body: JobCreateBody = {
      job_type: kind,
      artifact_id: artifact.id,
      image_root_archive_name: name.trim(),
      ...(kind === "customize" ? { customization_script: script } : {}),
      ...(kind === "customize" && publicKeyId ? { public_key_id: publicKeyId } : {}),
      ...(debug ? { enable_debug: true } : {}),
    };
    const parsed = jobCreateSchema.safeParse(body);
    if (!parsed.success) return setErrors(routeFieldErrors(zodFieldErrors(parsed.error), route));
    setErrors({ byField: {}, unmapped: [] });
    create.mutate(body, {
      onSuccess: (job) => router.push(`/jobs/${job.id}`),
      onError: (err) =>
        setErrors(err instanceof ApiError ? routeFieldErrors(err.fieldErrors, route) : { byField: {}, unmapped: [] }),
    });
  };
  const failure =
    create.error &&
    (errors.unmapped.length
      ? errors.unmapped.join("; ")
      : !Object.keys(errors.byField).length
        ? create.error.message
        : null);

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={kind === "create" ? `Build an image from ${artifact.name}` : `Customize ${artifact.name}`}
      description={
        kind === "create"
          ? "A create job builds a new image from this recipe."
          : "A customize job runs your script inside a copy of this image's root and saves the result as a new image."
      }
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogBody>
          <JobArchBanner kind={kind} artifact={artifact} />
          <TextField
            label="New image name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.byField.name}
            hint="The name of the image the job registers. Letters, digits, '_', '.', '-'."
            required
            maxLength={128}
            data-autofocus
          />
          {kind === "customize" ? (
            <>
              <ScriptField value={script} onChange={setScript} error={errors.byField.script} />
              <PublicKeyField value={publicKeyId} onChange={setPublicKeyId} error={errors.byField.public_key} />
            </>
          ) : null}
          <Checkbox
            label="Enable debug"
            checked={debug}
            onChange={setDebug}
            description="Recorded with the job (IMS keeps a debug shell on failure; the embedded runner does not open one yet)."
          />
          {errors.unmapped.length && !create.error ? <FormAlert>{errors.unmapped.join("; ")}</FormAlert> : null}
          {failure ? <FormAlert title="The job was not started">{failure}</FormAlert> : null}
        </DialogBody>
        <FormFooter
          action="job.create"
          onCancel={onClose}
          busy={create.isPending || create.isSuccess}
          submit="Start job"
          busyLabel="Starting…"
        />
      </form>
    </Dialog>
  );
}
