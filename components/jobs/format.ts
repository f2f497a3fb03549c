// How job facts read in the console: status and type labels, badge tones, durations, the steps a job
// of each type goes through.
import type { Tone } from "@/components/ui/badge";
import { isTerminal, JOB_STATUSES } from "@/lib/jobs/statuses";

export const TYPE_LABELS: Record<string, string> = {
  create: "Create",
  customize: "Customize",
  fetch_base_image: "Fetch base image",
};

export const typeLabel = (type: string) => TYPE_LABELS[type] ?? type;

export { statusLabel } from "@/lib/jobs/statuses";

export function statusTone(status: string): Tone {
  if (status === "success") return "success";
  if (status === "error") return "danger";
  if (status === "cancelled") return "neutral";
  if (status === "waiting_on_user") return "warning";
  return "info";
}

/** The steps a job of this type runs, in order (the final status comes after them). */
const FLOWS: Record<string, string[]> = {
  create: ["creating", "fetching_recipe", "waiting_for_repos", "building_image", "packaging_artifacts"],
  customize: ["creating", "fetching_image", "building_image", "packaging_artifacts"],
};

/** The job type's steps plus any other step the job recorded, in the API's status order. */
export function stepsOf(jobType: string, recorded: string[]): string[] {
  const steps = new Set([...(FLOWS[jobType] ?? ["creating"]), ...recorded.filter((s) => !isTerminal(s))]);
  const order = (s: string) => {
    const i = (JOB_STATUSES as readonly string[]).indexOf(s);
    return i < 0 ? JOB_STATUSES.length : i;
  };
  return [...steps].sort((a, b) => order(a) - order(b));
}

/** "850 ms", "8.2 s", "3 m 05 s", "1 h 02 m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const total = Math.floor(s);
  if (total < 3600) return `${Math.floor(total / 60)} m ${String(total % 60).padStart(2, "0")} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, "0")} m`;
}

export function durationBetween(from: string | undefined, to: string | number | undefined): string | null {
  if (!from || to === undefined) return null;
  const end = typeof to === "number" ? to : Date.parse(to);
  return formatDuration(end - Date.parse(from));
}

/** "1,234" in the reader's locale. */
export const count = (n: number) => n.toLocaleString();
