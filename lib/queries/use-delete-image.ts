"use client";
// Deletes an image (refused with 409 while jobs use or produce it).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { deleteImage } from "@/lib/api-client/images";
import { imageKeys } from "./ims-keys";

export function useDeleteImage() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError | Error, string>({
    mutationFn: deleteImage,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: imageKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: imageKeys.lists() });
    },
  });
}
