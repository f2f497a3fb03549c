"use client";
// The OS image and release image table (admin page).
import { useQuery } from "@tanstack/react-query";
import { getImageTable } from "@/lib/api-client/os-images";
import { catalogKeys } from "./keys";

export function useOsImages() {
  return useQuery({ queryKey: catalogKeys.imageTable(), queryFn: getImageTable, staleTime: 60_000 });
}
