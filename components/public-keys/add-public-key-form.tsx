"use client";
// Adds a public key: name and one OpenSSH key line, checked with publicKeyCreateSchema before
// sending; the server's field errors land under their fields.
import { type FormEvent, useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { FormAlert } from "@/components/ui/form-alert";
import { keyIs, type Routed, routeFieldErrors, zodFieldErrors } from "@/components/ui/form-errors";
import { Panel } from "@/components/ui/panel";
import { TextAreaField, TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api-client/api-error";
import { publicKeyCreateSchema } from "@/lib/public-keys/schemas";
import { useCreatePublicKey } from "@/lib/queries/use-create-public-key";

type Field = "name" | "public_key";
const fieldFor = (key: string): Field | null =>
  keyIs(key, "name") ? "name" : keyIs(key, "public_key") ? "public_key" : null;
const none = (): Routed<Field> & { detail?: string } => ({ byField: {}, unmapped: [] });

export function AddPublicKeyForm({ onAdded }: { onAdded: () => void }) {
  const create = useCreatePublicKey();
  const [values, setValues] = useState({ name: "", public_key: "" });
  const [problems, setProblems] = useState(none);
  const [added, setAdded] = useState<string | null>(null);

  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setAdded(null);
    if (problems.byField[field]) setProblems((p) => ({ ...p, byField: { ...p.byField, [field]: undefined } }));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = publicKeyCreateSchema.safeParse(values);
    if (!parsed.success) return setProblems(routeFieldErrors(zodFieldErrors(parsed.error), fieldFor));
    setProblems(none());
    create.mutate(parsed.data, {
      onSuccess: (key) => {
        setValues({ name: "", public_key: "" });
        setAdded(key.name);
        onAdded();
      },
      onError: (err) => {
        const routed = err instanceof ApiError ? routeFieldErrors(err.fieldErrors, fieldFor) : none();
        const unplaced = routed.unmapped.length > 0 || Object.keys(routed.byField).length === 0;
        setProblems({ ...routed, detail: unplaced ? err.message : undefined });
      },
    });
  };

  const errors = problems.byField;
  return (
    <Panel title="Add a public key">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {problems.detail ? <FormAlert title="The key was not added">{problems.detail}</FormAlert> : null}
        <TextField
          label="Name"
          autoComplete="off"
          placeholder="alice-laptop"
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          error={errors.name}
        />
        <TextAreaField
          label="Public key"
          rows={4}
          spellCheck={false}
          placeholder="ssh-ed25519 AAAA… user@host"
          value={values.public_key}
          onChange={(e) => set("public_key", e.target.value)}
          error={errors.public_key}
          hint="One OpenSSH public key line, as in ~/.ssh/id_ed25519.pub."
        />
        <div className="flex items-center justify-between gap-2">
          <p role="status" className="text-xs text-green-700">
            {added ? `Added ${added}.` : ""}
          </p>
          <RoleButton action="public-key.create" type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add public key"}
          </RoleButton>
        </div>
      </form>
    </Panel>
  );
}
