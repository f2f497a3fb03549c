"use client";
// The New recipe form: validated with the API's own schema before sending; the server's field
// errors land under their fields, and a refused archive's reason under the file input.
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ArchOptions } from "@/components/ims/arch-options";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogBody } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { zodFieldErrors } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api-client/api-error";
import { ArchiveUploadFailed, type useCreateRecipe } from "@/lib/queries/use-create-recipe";
import { RECIPE_TYPES, recipeCreateSchema } from "@/lib/recipes/schemas";
import { ArchiveFileField } from "./archive-file-field";
import { RECIPE_TYPE_NOTES, type RecipeType } from "./format";
import {
  initialRecipeValues,
  noProblems,
  type RecipeField,
  type RecipeFormValues,
  type RecipeProblems,
  recipeProblems,
  toCreateInput,
} from "./recipe-form-state";
import { TemplateVariablesField } from "./template-variables-field";

type Props = { create: ReturnType<typeof useCreateRecipe>; onCancel: () => void; onCreated: () => void };

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}

export function NewRecipeForm({ create, onCancel, onCreated }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RecipeFormValues>(initialRecipeValues);
  const [problems, setProblems] = useState<RecipeProblems>(noProblems);
  const [attempt, setAttempt] = useState(0);

  // After a failed submit, take the keyboard to the first thing that needs fixing.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [attempt]);

  const errors = problems.byField;
  const update = (patch: Partial<RecipeFormValues>, field?: RecipeField) => {
    setValues((v) => ({ ...v, ...patch }));
    if (field && errors[field]) setProblems((p) => ({ ...p, byField: { ...p.byField, [field]: undefined } }));
  };
  const fail = (next: RecipeProblems) => {
    setProblems(next);
    setAttempt((n) => n + 1);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { input, rowIds } = toCreateInput(values);
    const parsed = recipeCreateSchema.safeParse(input);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!values.file) found.archive = ["Choose the recipe archive (.tar.gz)"];
    if (!parsed.success || !values.file) return fail(recipeProblems(found, rowIds));
    setProblems(noProblems());
    create.mutate(
      { body: parsed.data, file: values.file },
      {
        onSuccess: (recipe) => {
          onCreated();
          router.push(`/recipes/${recipe.id}`);
        },
        onError: (err) => {
          if (err instanceof ArchiveUploadFailed) {
            if (isAbort(err.cause)) return;
            const next = noProblems();
            next.byField.archive = [err.cause.message];
            if (err.rollback)
              next.detail = `The recipe record ${err.recipe.name} was created but could not be removed again (${err.rollback.message}). Delete it from the recipes list.`;
            else next.byField.archive.push("Nothing was kept: the new recipe record was removed again.");
            return fail(next);
          }
          if (!(err instanceof ApiError)) return fail({ ...noProblems(), detail: err.message });
          const routed = recipeProblems(err.fieldErrors, rowIds);
          const placed =
            Object.keys(routed.byField).length > 0 ||
            routed.variables.field.length > 0 ||
            Object.keys(routed.variables.rows).length > 0;
          fail({ ...routed, detail: routed.unmapped.length > 0 || !placed ? err.detail : undefined });
        },
      },
    );
  };

  const uploading = create.isPending;
  const alert = problems.detail ?? (problems.unmapped.length ? "Some values were not accepted." : null);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <DialogBody>
        {alert ? (
          <FormAlert title="The recipe could not be created">
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
            label="Name"
            name="name"
            data-autofocus
            autoComplete="off"
            placeholder="compute-sles15sp5"
            value={values.name}
            onChange={(e) => update({ name: e.target.value }, "name")}
            error={errors.name}
          />
          <TextField
            label="Linux distribution"
            name="linux_distribution"
            autoComplete="off"
            placeholder="sles15"
            value={values.distribution}
            onChange={(e) => update({ distribution: e.target.value }, "linux_distribution")}
            error={errors.linux_distribution}
            hint="Lowercase, such as sles15 or debian12"
          />
        </div>
        <RadioGroup<RecipeType>
          legend="Recipe type"
          name="recipe_type"
          value={values.recipeType}
          onChange={(recipeType) => update({ recipeType }, "recipe_type")}
          error={errors.recipe_type}
          options={RECIPE_TYPES.map((t) => ({
            value: t,
            label: <span className="font-mono">{t}</span>,
            note: RECIPE_TYPE_NOTES[t],
          }))}
        />
        <SelectField
          label="Architecture"
          name="arch"
          value={values.arch}
          onChange={(e) => update({ arch: e.target.value }, "arch")}
          error={errors.arch}
          hint="Images built from this recipe get this architecture. Build jobs run natively on hosts of this architecture, or under QEMU emulation elsewhere (about ten times slower)."
        >
          <ArchOptions />
        </SelectField>
        <Checkbox
          label="Require DKMS"
          description="Build jobs enable DKMS, so the recipe can build kernel modules."
          checked={values.requireDkms}
          onChange={(requireDkms) => update({ requireDkms }, "require_dkms")}
        />
        <TemplateVariablesField
          rows={values.variables}
          onChange={(variables) => setValues((v) => ({ ...v, variables }))}
          errors={problems.variables}
        />
        <ArchiveFileField
          file={values.file}
          onChange={(file) => update({ file }, "archive")}
          error={errors.archive}
          uploading={uploading}
          progress={create.progress}
        />
      </DialogBody>
      <FormFooter
        action="recipe.create"
        onCancel={onCancel}
        busy={uploading}
        submit="Create recipe"
        busyLabel="Uploading…"
        cancelLabel={uploading ? "Cancel upload" : "Cancel"}
      />
    </form>
  );
}
