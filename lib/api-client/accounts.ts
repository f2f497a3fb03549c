// Browser client for /api/v1/tokens, /api/v1/users and /api/v1/audit (admin only).
import type { TokenCreate, UserCreate } from "@/lib/auth/schemas";
import type { serializeAudit, serializeToken, serializeUser } from "@/lib/auth/serialize";
import { apiJson, apiRequest, withQuery } from "./http";

export type TokenJson = ReturnType<typeof serializeToken>;
export type UserJson = ReturnType<typeof serializeUser>;
export type AuditJson = ReturnType<typeof serializeAudit>;
export type AuditPage = { entries: AuditJson[]; total: number };

export const listTokens = () => apiJson<TokenJson[]>("/api/v1/tokens");
export const createToken = (body: TokenCreate) =>
  apiJson<TokenJson & { token: string }>("/api/v1/tokens", { method: "POST", json: body });
export const revokeToken = (id: string) => apiJson<void>(`/api/v1/tokens/${id}`, { method: "DELETE" });

export const listUsers = () => apiJson<UserJson[]>("/api/v1/users");
export const createUser = (body: UserCreate) => apiJson<UserJson>("/api/v1/users", { method: "POST", json: body });
export const setUserRole = (id: string, role: string) =>
  apiJson<UserJson>(`/api/v1/users/${id}`, { method: "PATCH", json: { role } });
export const deleteUser = (id: string) => apiJson<void>(`/api/v1/users/${id}`, { method: "DELETE" });

export async function listAudit(filter: { limit: number; offset: number; actor?: string }): Promise<AuditPage> {
  const res = await apiRequest(withQuery("/api/v1/audit", filter));
  const entries = (await res.json()) as AuditJson[];
  return { entries, total: Number(res.headers.get("X-Total-Count") ?? entries.length) };
}
