"use client";
// Corrects the architecture of a recipe or image (seed 000's "update --arch"): pick the new one,
// read what changes, confirm. The PATCH body is checked with the resource's own schema first.
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { ArchBadge } from "@/components/ui/arch-badge";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { zodFieldErrors } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { SelectField } from "@/components/ui/select-field";
import { type Arch, archDisplayName, parseArch, sameArch, toImsArch } from "@/lib/arch";
import { ArchOptions } from "./arch-options";

type ChangeArchDialogProps = {
  open: boolean;
  onClose: () => void;
  /** "recipe" or "image", for the texts and the role the change needs. */
  what: "recipe" | "image";
  name: string;
  current: string;
  /** The sentence saying what the change means for jobs and existing records. */
  consequence: (arch: Arch) => string;
  note?: string;
  schema: z.ZodType;
  pending: boolean;
  error?: string | null;
  onSubmit: (patch: { arch: Arch }, done: () => void) => void;
};

function ChangeArchForm({
  onClose,
  what,
  current,
  consequence,
  note,
  schema,
  pending,
  error,
  onSubmit,
}: Omit<ChangeArchDialogProps, "open" | "name">) {
  const [value, setValue] = useState(() => toImsArch(parseArch(current) ?? "x86_64"));
  const [invalid, setInvalid] = useState<string[] | null>(null);
  const chosen = parseArch(value);
  const unchanged = sameArch(value, current);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (unchanged || !chosen || chosen === "multi") return;
    const parsed = schema.safeParse({ arch: value });
    if (!parsed.success) return setInvalid(Object.values(zodFieldErrors(parsed.error)).flat());
    setInvalid(null);
    onSubmit({ arch: chosen }, onClose);
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        {error ? <FormAlert title="The architecture was not changed">{error}</FormAlert> : null}
        <p className="flex items-center gap-2 text-sm text-slate-700">
          Now: <ArchBadge arch={current} />
        </p>
        <SelectField
          label="Architecture"
          data-autofocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={invalid}
        >
          <ArchOptions />
        </SelectField>
        <div
          aria-live="polite"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {unchanged || !chosen || chosen === "multi" ? (
            <p>Choose another architecture to see what changes.</p>
          ) : (
            <>
              <p className="font-medium">What changes</p>
              <p className="mt-0.5">{consequence(chosen)}</p>
              {note ? <p className="mt-1.5 text-amber-800">{note}</p> : null}
            </>
          )}
        </div>
      </DialogBody>
      <FormFooter
        action={what === "recipe" ? "recipe.update" : "image.update"}
        onCancel={onClose}
        busy={pending}
        disabled={unchanged}
        submit={
          unchanged || !chosen || chosen === "multi"
            ? "Change architecture"
            : `Change ${what} to ${archDisplayName(chosen)}`
        }
        busyLabel="Changing…"
      />
    </form>
  );
}

export function ChangeArchDialog({ open, name, what, ...rest }: ChangeArchDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={rest.onClose}
      title="Change architecture"
      description={`Correct the CPU architecture recorded for ${what} ${name}.`}
    >
      <ChangeArchForm what={what} {...rest} />
    </Dialog>
  );
}
