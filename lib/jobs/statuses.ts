// The one job-status vocabulary, for the server (runner, services, SSE) and the browser (badges,
// timelines, the API client): every status in the API's order, the terminal set and the labels.
export const JOB_STATUSES = [
  "creating",
  "fetching_image",
  "fetching_recipe",
  "waiting_for_repos",
  "building_image",
  "packaging_artifacts",
  "waiting_on_user",
  "error",
  "success",
  "cancelled",
] as const;

export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job in one of these has ended; nothing about it changes any more. */
export const TERMINAL: JobStatus[] = ["error", "success", "cancelled"];

export const isTerminal = (status: string): boolean => (TERMINAL as string[]).includes(status);

const LABELS: Record<JobStatus, string> = {
  creating: "Queued",
  fetching_image: "Fetching image",
  fetching_recipe: "Fetching recipe",
  waiting_for_repos: "Waiting for repos",
  building_image: "Building image",
  packaging_artifacts: "Packaging artifacts",
  waiting_on_user: "Waiting on user",
  error: "Error",
  success: "Success",
  cancelled: "Cancelled",
};

export function statusLabel(status: string): string {
  return LABELS[status as JobStatus] ?? status.replace(/_/g, " ");
}
