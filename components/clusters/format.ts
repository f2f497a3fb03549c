// How cluster facts read in the console.
import type { Tone } from "@/components/ui/badge";

export function topologyLabel(controlPlaneCount: number): string {
  return controlPlaneCount === 1 ? "Single-node" : `${controlPlaneCount} control plane nodes`;
}

const STATUS_TONES: Record<string, Tone> = {
  insufficient: "warning",
  "pending-for-input": "warning",
  ready: "info",
  "preparing-for-installation": "info",
  installing: "info",
  finalizing: "info",
  installed: "success",
  error: "danger",
  cancelled: "neutral",
};

export function statusTone(status: string): Tone {
  return STATUS_TONES[status] ?? "neutral";
}

export function statusLabel(status: string): string {
  const text = status.replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
