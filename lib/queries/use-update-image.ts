"use client";
// Changes an image's architecture or labels.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { type ImageJson, patchImage } from "@/lib/api-client/images";
import type { ImagePatch } from "@/lib/images/schemas";
import { imageKeys } from "./ims-keys";

export function useUpdateImage(id: string) {
  const queryClient = useQueryClient();
  return useMutation<ImageJson, ApiError | Error, ImagePatch>({
    mutationFn: (patch) => patchImage(id, patch),
    onSuccess: (image) => {
      queryClient.setQueryData(imageKeys.detail(id), image);
      void queryClient.invalidateQueries({ queryKey: imageKeys.lists() });
    },
  });
}
