"use client";
import { recipeArchConsequence } from "@/components/ims/arch-consequence";
import { ChangeArchDialog } from "@/components/ims/change-arch-dialog";
import type { RecipeJson } from "@/lib/api-client/recipes";
// Change a recipe's architecture (PATCH arch), with what that means for later builds.
import { archDisplayName, parseArch } from "@/lib/arch";
import { useUpdateRecipe } from "@/lib/queries/use-update-recipe";
import { recipePatchSchema } from "@/lib/recipes/schemas";

export function ChangeRecipeArchDialog({
  recipe,
  open,
  onClose,
}: {
  recipe: RecipeJson;
  open: boolean;
  onClose: () => void;
}) {
  const update = useUpdateRecipe(recipe.id);
  const current = parseArch(recipe.arch);
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <ChangeArchDialog
      open={open}
      onClose={close}
      what="recipe"
      name={recipe.name}
      current={recipe.arch}
      consequence={recipeArchConsequence}
      note={
        recipe.link && current
          ? `The archive was checked against ${archDisplayName(current)} when it was uploaded; it is not checked again.`
          : undefined
      }
      schema={recipePatchSchema}
      pending={update.isPending}
      error={update.error?.message}
      onSubmit={(patch, done) => update.mutate(patch, { onSuccess: done })}
    />
  );
}
