// A job's status as a coloured badge; running states carry a pulsing dot.
import { Badge } from "@/components/ui/badge";
import { isTerminal } from "@/lib/jobs/statuses";
import { statusLabel, statusTone } from "./format";

export function JobStatusBadge({ status }: { status: string }) {
  const running = !isTerminal(status) && status !== "waiting_on_user";
  return (
    <Badge tone={statusTone(status)} title={status}>
      {running ? (
        <span aria-hidden="true" className="mr-1 inline-block size-1.5 animate-pulse rounded-full bg-sky-500" />
      ) : null}
      {statusLabel(status)}
    </Badge>
  );
}

export function EmulatedBadge() {
  return (
    <Badge tone="warning" title="Runs under QEMU user emulation: about 10x slower">
      Emulated
    </Badge>
  );
}
