"use client";
// The OS image and release image table (admin page). While a base ISO is missing or being fetched
// it is re-read now and then, so rows move on to Cached or Failed without a reload.
import { useQuery } from "@tanstack/react-query";
import { getImageTable, type ImageTableJson } from "@/lib/api-client/os-images";
import { catalogKeys } from "./keys";

function unsettled(table: ImageTableJson | undefined): boolean {
  return !!table?.os_images.some((r) => r.base_image.status === "fetching" || r.base_image.status === "missing");
}

export function useOsImages() {
  return useQuery({
    queryKey: catalogKeys.imageTable(),
    queryFn: getImageTable,
    staleTime: 60_000,
    refetchInterval: (query) => (unsettled(query.state.data) ? 3000 : false),
  });
}
