// Shows a CPU architecture by its display name, whatever spelling the API used ("arm64", "aarch64").
import { type ArchOrMulti, archDisplayName, parseArch } from "@/lib/arch";
import { Badge, type Tone } from "./badge";

const TONE: Record<ArchOrMulti, Tone> = {
  x86_64: "info",
  aarch64: "emerald",
  ppc64le: "indigo",
  s390x: "warning",
  multi: "violet",
};

export function ArchBadge({ arch }: { arch: string }) {
  const canonical = parseArch(arch);
  if (!canonical) return <Badge tone="danger">{arch || "unknown"}</Badge>;
  return (
    <Badge tone={TONE[canonical]} title={canonical}>
      {archDisplayName(canonical)}
    </Badge>
  );
}
