// Writes an event (the audit trail every create, update and delete leaves behind).
import "server-only";
import { currentActor } from "@/lib/auth/actor";
import type { Db, Prisma } from "@/lib/db";

export type Severity = "info" | "warning" | "error" | "critical";

export type NewEvent = {
  name: string;
  message: string;
  severity?: Severity;
  category?: "user" | "metrics";
  clusterId?: string | null;
  infraEnvId?: string | null;
  hostId?: string | null;
  props?: Record<string, unknown>;
  requestId?: string;
};

/** Takes the transaction client so an event is written with, and only with, what it describes. */
export function recordEvent(tx: Pick<Db, "event">, e: NewEvent) {
  return tx.event.create({
    data: {
      name: e.name,
      message: e.message,
      severity: e.severity ?? "info",
      category: e.category ?? "user",
      clusterId: e.clusterId ?? null,
      infraEnvId: e.infraEnvId ?? null,
      hostId: e.hostId ?? null,
      props: (e.props as Prisma.InputJsonObject | undefined) ?? undefined,
      requestId: e.requestId ?? null,
      // The signed-in user or token the request ran as; none for the agent and background work.
      actor: currentActor()?.name ?? null,
    },
  });
}
