// A row's cached base ISO in a word (Not cached / Fetching… / Cached / Failed), and the architecture
// found on it, which must be the row's own: anything else is a failure, and says so.

import { ArchBadge } from "@/components/ui/arch-badge";
import { Badge, type Tone } from "@/components/ui/badge";
import type { BaseImageJson, BaseImageStatus } from "@/lib/api-client/os-images";
import { archDisplayName, parseArch, sameArch } from "@/lib/arch";

const LABELS: Record<BaseImageStatus, { label: string; tone: Tone }> = {
  missing: { label: "Not cached", tone: "neutral" },
  fetching: { label: "Fetching…", tone: "info" },
  ready: { label: "Cached", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

export function BaseImageStatusBadge({
  status,
  progress,
  fetchedAt,
}: {
  status: BaseImageStatus;
  progress?: number;
  fetchedAt?: string;
}) {
  const { label, tone } = LABELS[status] ?? LABELS.missing;
  return (
    <Badge
      tone={tone}
      title={
        status === "ready" && fetchedAt ? `Fetched and verified at ${new Date(fetchedAt).toLocaleString()}` : undefined
      }
    >
      {label}
      {status === "fetching" && progress !== undefined ? <span className="ml-1 tabular-nums">{progress}%</span> : null}
    </Badge>
  );
}

/** Null when the detected architecture is the row's (or unknown yet). */
export function archMismatch(rowArch: string, base: BaseImageJson): string | null {
  if (!base.detected_arch || sameArch(rowArch, base.detected_arch)) return null;
  const name = (a: string) => {
    const p = parseArch(a);
    return p ? archDisplayName(p) : a;
  };
  return `The ISO's kernel is ${name(base.detected_arch)}, but this row is ${name(rowArch)}: it cannot boot these hosts.`;
}

export function DetectedArch({ rowArch, base }: { rowArch: string; base: BaseImageJson }) {
  if (!base.detected_arch) return <span className="text-slate-400">—</span>;
  const mismatch = archMismatch(rowArch, base);
  return (
    <span className="inline-flex items-center gap-1" title={mismatch ?? "Matches the row's architecture"}>
      <ArchBadge arch={base.detected_arch} />
      {mismatch ? <Badge tone="danger">mismatch</Badge> : null}
    </span>
  );
}
