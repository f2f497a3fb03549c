// Query key factories of the image jobs. Extends keys.ts's jobKeys (same root and detail/log keys, so
// the OS images page's fetch jobs and these pages share one cache) with the filtered lists.
import type { JobFilter } from "@/lib/api-client/jobs";
import { jobKeys as baseJobKeys } from "./keys";

export const jobKeys = {
  ...baseJobKeys,
  lists: () => [...baseJobKeys.all, "list"] as const,
  list: (filter: JobFilter) => [...jobKeys.lists(), filter] as const,
};
