"use client";
// One image by id; a 404 surfaces as an ApiError with isNotFound.
import { useQuery } from "@tanstack/react-query";
import { getImage } from "@/lib/api-client/images";
import { imageKeys } from "./ims-keys";

export function useImage(id: string) {
  return useQuery({ queryKey: imageKeys.detail(id), queryFn: () => getImage(id) });
}
