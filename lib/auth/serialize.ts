// Response shapes of the accounts API: never a password hash or a token hash.
import "server-only";
import type { ApiToken, AuditEntry, User } from "@/lib/db";

export function serializeToken(t: ApiToken) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    prefix: t.prefix,
    created_by: t.createdBy,
    created_at: t.createdAt.toISOString(),
    expires_at: t.expiresAt?.toISOString() ?? null,
    revoked_at: t.revokedAt?.toISOString() ?? null,
    last_used_at: t.lastUsedAt?.toISOString() ?? null,
  };
}

export function serializeUser(u: User & { accounts?: { providerId: string }[] }) {
  return {
    id: u.id,
    username: u.username ?? u.email,
    name: u.name,
    role: u.role,
    /** "local" (password) or "oidc". */
    source: u.accounts?.some((a) => a.providerId === "credential") === false ? "oidc" : "local",
    created_at: u.createdAt.toISOString(),
  };
}

export function serializeAudit(a: AuditEntry) {
  return {
    id: a.id,
    time: a.time.toISOString(),
    actor: a.actor,
    action: a.action,
    target: a.target,
    outcome: a.outcome,
    detail: a.detail,
    ip_address: a.ipAddress,
  };
}
