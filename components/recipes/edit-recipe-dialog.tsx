"use client";
// Edits a recipe's DKMS flag and template variables (PATCH, checked with recipePatchSchema). Name,
// type and distribution cannot change; the architecture has its own dialog.
import { type FormEvent, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogBody } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { zodFieldErrors } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { ApiError } from "@/lib/api-client/api-error";
import type { RecipeJson } from "@/lib/api-client/recipes";
import { useUpdateRecipe } from "@/lib/queries/use-update-recipe";
import { type RecipePatch, recipePatchSchema } from "@/lib/recipes/schemas";
import { isVariableKey, rowsOf, toDictionary, type VariableErrors, variableErrors } from "./template-variables";
import { TemplateVariablesField } from "./template-variables-field";

type Problems = { variables: VariableErrors; detail?: string };
const none = (): Problems => ({ variables: { field: [], rows: {} } });

function EditRecipeForm({ recipe, onDone }: { recipe: RecipeJson; onDone: () => void }) {
  const update = useUpdateRecipe(recipe.id);
  const [requireDkms, setRequireDkms] = useState(recipe.require_dkms);
  const [rows, setRows] = useState(() => rowsOf(recipe.template_dictionary));
  const [problems, setProblems] = useState<Problems>(none);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { dictionary, rowIds } = toDictionary(rows);
    const patch: Record<string, unknown> = {};
    if (requireDkms !== recipe.require_dkms) patch.require_dkms = requireDkms;
    if (JSON.stringify(dictionary) !== JSON.stringify(recipe.template_dictionary))
      patch.template_dictionary = dictionary;
    if (Object.keys(patch).length === 0) return onDone();
    const parsed = recipePatchSchema.safeParse(patch);
    if (!parsed.success) return setProblems({ variables: variableErrors(zodFieldErrors(parsed.error), rowIds) });
    setProblems(none());
    update.mutate(parsed.data as RecipePatch, {
      onSuccess: onDone,
      onError: (err) => {
        const variables = err instanceof ApiError ? variableErrors(err.fieldErrors, rowIds) : none().variables;
        const placed =
          err instanceof ApiError &&
          Object.keys(err.fieldErrors).every(isVariableKey) &&
          Object.keys(err.fieldErrors).length > 0;
        setProblems({ variables, detail: placed ? undefined : err.message });
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        {problems.detail ? <FormAlert title="The recipe could not be updated">{problems.detail}</FormAlert> : null}
        <Checkbox
          label="Require DKMS"
          description="Build jobs enable DKMS, so the recipe can build kernel modules."
          checked={requireDkms}
          onChange={setRequireDkms}
        />
        <TemplateVariablesField rows={rows} onChange={setRows} errors={problems.variables} />
        {recipe.link ? (
          <p className="text-xs text-slate-500">The uploaded archive is not checked again against the new variables.</p>
        ) : null}
      </DialogBody>
      <FormFooter
        action="recipe.update"
        onCancel={onDone}
        busy={update.isPending}
        submit="Save changes"
        busyLabel="Saving…"
      />
    </form>
  );
}

export function EditRecipeDialog({
  recipe,
  open,
  onClose,
}: {
  recipe: RecipeJson;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Edit recipe"
      description="Name, type and Linux distribution are fixed; change the architecture with Change architecture."
    >
      <EditRecipeForm recipe={recipe} onDone={onClose} />
    </Dialog>
  );
}
