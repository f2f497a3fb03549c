// The network a job's sandbox had, as stored on the job and shown on its page (server and browser).
export const NETWORK_MODES = ["none", "allowed"] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

export const NETWORK_MODE_LABELS: Record<NetworkMode, string> = {
  none: "No network",
  allowed: "Network allowed by the admin setting",
};

export function networkModeOf(allowed: boolean): NetworkMode {
  return allowed ? "allowed" : "none";
}

export function isNetworkMode(value: unknown): value is NetworkMode {
  return typeof value === "string" && (NETWORK_MODES as readonly string[]).includes(value);
}
