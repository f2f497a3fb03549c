// The audit log: one row per write, link issue, key rotation, sign-in and failed sign-in.
import "server-only";
import { currentActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

export type AuditInput = {
  action: string;
  target: string;
  actor?: string;
  outcome?: "success" | "failure";
  detail?: string;
  ipAddress?: string | null;
};

export async function recordAudit(a: AuditInput): Promise<void> {
  const actor = currentActor();
  await db().auditEntry.create({
    data: {
      actor: a.actor ?? actor?.name ?? "anonymous",
      action: a.action,
      target: a.target,
      outcome: a.outcome ?? "success",
      detail: a.detail ?? null,
      ipAddress: a.ipAddress ?? actor?.ipAddress ?? null,
    },
  });
}

/** Newest first, paged by limit/offset like the other lists. */
export async function listAudit(opts: { limit: number; offset: number; actor?: string; action?: string }) {
  const where = { ...(opts.actor ? { actor: opts.actor } : {}), ...(opts.action ? { action: opts.action } : {}) };
  const [rows, total] = await Promise.all([
    db().auditEntry.findMany({ where, orderBy: { id: "desc" }, take: opts.limit, skip: opts.offset }),
    db().auditEntry.count({ where }),
  ]);
  return { rows, total };
}

/** Failed sign-ins for a user name since `since` (the login throttle reads its own trail). */
export function countFailedLogins(username: string, since: Date): Promise<number> {
  return db().auditEntry.count({
    where: { action: "login", outcome: "failure", target: `user:${username}`, time: { gte: since } },
  });
}
