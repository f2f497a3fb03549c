"use client";
// Delete a recipe; the server refuses while jobs build from it, and the dialog lists them.
import { useRouter } from "next/navigation";
import { DeleteImsButton } from "@/components/ims/delete-ims-button";
import type { RecipeJson } from "@/lib/api-client/recipes";
import { useDeleteRecipe } from "@/lib/queries/use-delete-recipe";

export function DeleteRecipeButton({ recipe }: { recipe: RecipeJson }) {
  const router = useRouter();
  return (
    <DeleteImsButton
      action="recipe.delete"
      id={recipe.id}
      mutation={useDeleteRecipe()}
      title={`Delete recipe ${recipe.name}?`}
      confirmLabel="Delete recipe"
      onDeleted={() => router.push("/recipes")}
    >
      <p>The recipe and its archive are removed. Images already built from it stay. This cannot be undone.</p>
    </DeleteImsButton>
  );
}
