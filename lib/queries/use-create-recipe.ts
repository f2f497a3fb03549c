"use client";
// Creates a recipe and uploads its archive as one step. If the upload fails (refused, cancelled,
// connection lost), the just-created record is deleted again so no recipe without an archive remains.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ApiError } from "@/lib/api-client/api-error";
import {
  createRecipe,
  deleteRecipe,
  type RecipeJson,
  type UploadedRecipeJson,
  type UploadProgress,
  uploadRecipeArchive,
} from "@/lib/api-client/recipes";
import type { RecipeCreate } from "@/lib/recipes/schemas";
import { recipeKeys } from "./ims-keys";

/** The archive upload failed after the record was created; `rollback` is why removing it failed, if it did. */
export class ArchiveUploadFailed extends Error {
  constructor(
    readonly cause: ApiError | Error,
    readonly recipe: RecipeJson,
    readonly rollback: Error | null,
  ) {
    super(cause.message);
    this.name = "ArchiveUploadFailed";
  }
}

export type CreateRecipeInput = { body: RecipeCreate; file: File };

export function useCreateRecipe() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation<UploadedRecipeJson, ApiError | ArchiveUploadFailed | Error, CreateRecipeInput>({
    mutationFn: async ({ body, file }) => {
      controller.current = new AbortController();
      setProgress(null);
      const recipe = await createRecipe(body);
      try {
        return await uploadRecipeArchive(recipe.id, file, {
          onProgress: setProgress,
          signal: controller.current.signal,
        });
      } catch (err) {
        const rollback = await deleteRecipe(recipe.id).then(
          () => null,
          (e: Error) => e,
        );
        throw new ArchiveUploadFailed(err as Error, recipe, rollback);
      } finally {
        controller.current = null;
      }
    },
    onSuccess: (recipe) => {
      const { archive, ...record } = recipe;
      queryClient.setQueryData(recipeKeys.detail(recipe.id), record);
      queryClient.setQueryData(recipeKeys.uploadReport(recipe.id), archive);
    },
    onSettled: () => {
      setProgress(null);
      void queryClient.invalidateQueries({ queryKey: recipeKeys.lists() });
    },
  });

  /** Aborts an upload under way (the record is then removed as for any failed upload). */
  const cancel = () => controller.current?.abort();

  return { ...mutation, progress, cancel };
}
