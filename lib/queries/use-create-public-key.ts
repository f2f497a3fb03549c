"use client";
// Adds a public key.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "@/lib/api-client/api-error";
import { createPublicKey, type PublicKeyJson } from "@/lib/api-client/public-keys";
import type { PublicKeyCreate } from "@/lib/public-keys/schemas";
import { publicKeyKeys } from "./ims-keys";

export function useCreatePublicKey() {
  const queryClient = useQueryClient();
  return useMutation<PublicKeyJson, ApiError | Error, PublicKeyCreate>({
    mutationFn: createPublicKey,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: publicKeyKeys.lists() }),
  });
}
