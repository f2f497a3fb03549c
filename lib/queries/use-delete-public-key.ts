"use client";
// Deletes a public key (refused with 409 while running jobs use it).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { deletePublicKey } from "@/lib/api-client/public-keys";
import { publicKeyKeys } from "./ims-keys";

export function useDeletePublicKey() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError | Error, string>({
    mutationFn: deletePublicKey,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: publicKeyKeys.lists() }),
  });
}
