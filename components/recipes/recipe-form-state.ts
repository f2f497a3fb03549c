// The New recipe form's values, the create request they make (what recipeCreateSchema validates),
// and where each error key from the schema or the server is shown.

import { keyIs, routeFieldErrors } from "@/components/ui/form-errors";
import type { FieldErrors } from "@/lib/api-client/api-error";
import { DEFAULT_ARCH, toImsArch } from "@/lib/arch";
import type { RecipeType } from "./format";
import {
  isVariableKey,
  toDictionary,
  type VariableErrors,
  type VariableRow,
  variableErrors,
} from "./template-variables";

export type RecipeFormValues = {
  name: string;
  recipeType: RecipeType;
  distribution: string;
  /** IMS spelling (aarch64), as the select holds it. */
  arch: string;
  requireDkms: boolean;
  variables: VariableRow[];
  file: File | null;
};

export type RecipeField = "name" | "recipe_type" | "linux_distribution" | "arch" | "require_dkms" | "archive";

export const initialRecipeValues = (): RecipeFormValues => ({
  name: "",
  recipeType: "kiwi-ng",
  distribution: "",
  arch: toImsArch(DEFAULT_ARCH),
  requireDkms: false,
  variables: [],
  file: null,
});

/** The body for POST /recipes (unparsed), and which variable row each dictionary entry is. */
export function toCreateInput(v: RecipeFormValues) {
  const { dictionary, rowIds } = toDictionary(v.variables);
  return {
    input: {
      name: v.name,
      recipe_type: v.recipeType,
      linux_distribution: v.distribution,
      arch: v.arch,
      require_dkms: v.requireDkms,
      template_dictionary: dictionary,
    },
    rowIds,
  };
}

const FIELDS: RecipeField[] = ["name", "recipe_type", "linux_distribution", "arch", "require_dkms", "archive"];

export type RecipeProblems = {
  byField: Partial<Record<RecipeField, string[]>>;
  variables: VariableErrors;
  unmapped: string[];
  detail?: string;
};

export const noProblems = (): RecipeProblems => ({ byField: {}, variables: { field: [], rows: {} }, unmapped: [] });

export function recipeProblems(errors: FieldErrors, rowIds: number[]): RecipeProblems {
  const variables = variableErrors(errors, rowIds);
  const rest = Object.fromEntries(Object.entries(errors).filter(([k]) => !isVariableKey(k)));
  const routed = routeFieldErrors<RecipeField>(rest, (key) => FIELDS.find((f) => keyIs(key, f)) ?? null);
  return { ...routed, variables };
}

export function hasProblems(p: RecipeProblems): boolean {
  return (
    Object.keys(p.byField).length > 0 ||
    p.variables.field.length > 0 ||
    Object.keys(p.variables.rows).length > 0 ||
    p.unmapped.length > 0 ||
    !!p.detail
  );
}
