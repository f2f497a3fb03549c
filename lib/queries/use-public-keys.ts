"use client";
// One page of public keys, newest first.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ImsListFilter } from "@/lib/api-client/ims-page";
import { listPublicKeys } from "@/lib/api-client/public-keys";
import { publicKeyKeys } from "./ims-keys";

export function usePublicKeys(filter: Omit<ImsListFilter, "arch">) {
  return useQuery({
    queryKey: publicKeyKeys.list(filter),
    queryFn: () => listPublicKeys(filter),
    placeholderData: keepPreviousData,
  });
}
