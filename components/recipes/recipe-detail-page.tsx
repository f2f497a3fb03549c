"use client";
// One recipe: its facts, the report of an upload just made, and its actions (change architecture,
// edit DKMS and template variables, delete).
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { StartJobButton } from "@/components/jobs/start-job-dialog";
import { ArchBadge } from "@/components/ui/arch-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { ApiError } from "@/lib/api-client/api-error";
import { useRecipe } from "@/lib/queries/use-recipe";
import { ChangeRecipeArchDialog } from "./change-recipe-arch-dialog";
import { DeleteRecipeButton } from "./delete-recipe-button";
import { EditRecipeDialog } from "./edit-recipe-dialog";
import { RecipeFacts } from "./recipe-facts";
import { UploadReport } from "./upload-report";

const back = { href: "/recipes", label: "Recipes" };

export function RecipeDetailPage({ id }: { id: string }) {
  const { data: recipe, error, isPending } = useRecipe(id);
  useDocumentTitle(recipe && `recipe ${recipe.name}`);
  const [dialog, setDialog] = useState<"arch" | "edit" | null>(null);

  if (isPending) return <LoadingState label="Loading recipe…" />;
  if (error instanceof ApiError && error.isNotFound) {
    return (
      <>
        <PageHeader title="Recipe not found" back={back} />
        <EmptyState title="Recipe not found" action={<ButtonLink href="/recipes">Back to recipes</ButtonLink>}>
          <p>No recipe has the id {id}. It may have been deleted.</p>
        </EmptyState>
      </>
    );
  }
  if (error) return <ErrorState error={error} title="Could not load the recipe" />;

  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        back={back}
        title={recipe.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <ArchBadge arch={recipe.arch} />
            <span className="font-mono text-xs">{recipe.recipe_type}</span>
            <span aria-hidden="true">·</span>
            <span className="font-mono text-xs">{recipe.linux_distribution}</span>
          </span>
        }
        actions={
          <>
            {recipe.link ? (
              <StartJobButton
                kind="create"
                artifact={{ id: recipe.id, name: recipe.name, arch: recipe.arch }}
                label="Build image"
              />
            ) : null}
            <RoleButton action="recipe.update" onClick={() => setDialog("arch")}>
              Change architecture
            </RoleButton>
            <RoleButton action="recipe.update" onClick={() => setDialog("edit")}>
              Edit
            </RoleButton>
            <DeleteRecipeButton recipe={recipe} />
          </>
        }
      />
      <div className="space-y-5">
        <UploadReport recipeId={recipe.id} />
        <RecipeFacts recipe={recipe} />
      </div>
      <ChangeRecipeArchDialog recipe={recipe} open={dialog === "arch"} onClose={close} />
      <EditRecipeDialog recipe={recipe} open={dialog === "edit"} onClose={close} />
    </>
  );
}
