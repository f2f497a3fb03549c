// API tokens for scripts and CI: 32 random bytes shown once; only their SHA-256 is stored (a
// random token needs no slow hash: nothing to guess), with a role, an expiry and revocation.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import type { Role } from "./roles";

const PREFIX = "arch_";

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export type NewToken = { name: string; role: Role; expiresInDays?: number | null; createdBy: string };

/** Returns the row and the token itself, which is never readable again. */
export async function createToken(t: NewToken) {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = t.expiresInDays ? new Date(Date.now() + t.expiresInDays * 86_400_000) : null;
  const row = await db().apiToken.create({
    data: {
      name: t.name,
      role: t.role,
      tokenHash: hashOf(token),
      prefix: token.slice(0, PREFIX.length + 6),
      createdBy: t.createdBy,
      expiresAt,
    },
  });
  return { row, token };
}

export function listTokens() {
  return db().apiToken.findMany({ orderBy: { createdAt: "desc" } });
}

export async function revokeToken(id: string) {
  const row = await db().apiToken.findUnique({ where: { id } });
  if (!row) throw new HttpError(404, `No API token with id ${id}`);
  if (row.revokedAt) return row;
  return db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
}

/** The live token a bearer value names, or undefined (unknown, revoked or expired alike). */
export async function verifyToken(presented: string) {
  if (!presented.startsWith(PREFIX)) return undefined;
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashOf(presented) } });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  // Recorded at most once a minute: a busy script must not turn every read into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return row;
}
