"use client";
// Uploads the archive of a recipe that has none yet (created through the API), with progress.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { ApiError } from "@/lib/api-client/api-error";
import { type UploadedRecipeJson, type UploadProgress, uploadRecipeArchive } from "@/lib/api-client/recipes";
import { recipeKeys } from "./ims-keys";

export function useUploadRecipeArchive(id: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation<UploadedRecipeJson, ApiError | Error, File>({
    mutationFn: async (file) => {
      controller.current = new AbortController();
      setProgress(null);
      try {
        return await uploadRecipeArchive(id, file, { onProgress: setProgress, signal: controller.current.signal });
      } finally {
        controller.current = null;
      }
    },
    onSuccess: (recipe) => {
      const { archive, ...record } = recipe;
      queryClient.setQueryData(recipeKeys.detail(id), record);
      queryClient.setQueryData(recipeKeys.uploadReport(id), archive);
      void queryClient.invalidateQueries({ queryKey: recipeKeys.lists() });
    },
    onSettled: () => setProgress(null),
  });

  return { ...mutation, progress, cancel: () => controller.current?.abort() };
}
