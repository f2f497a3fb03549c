"use client";
// One page of images, filtered by name and architecture; the previous page stays on screen while
// the next one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listImages } from "@/lib/api-client/images";
import type { ImsListFilter } from "@/lib/api-client/ims-page";
import { imageKeys } from "./ims-keys";

export function useImages(filter: ImsListFilter) {
  return useQuery({
    queryKey: imageKeys.list(filter),
    queryFn: () => listImages(filter),
    placeholderData: keepPreviousData,
  });
}
