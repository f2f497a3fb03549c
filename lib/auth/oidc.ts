// OpenID Connect sign-in, configured by environment: the issuer's discovery document gives the
// endpoints and keys; the role comes from one claim (ARCHWAY_OIDC_ROLE_CLAIM).
import "server-only";
import type { Env } from "@/lib/env";
import { isRole, type Role } from "./roles";

export const OIDC_PROVIDER_ID = "oidc";

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; roleClaim: string; name: string };

export function oidcSettings(e: Env): OidcSettings | undefined {
  if (!e.ARCHWAY_OIDC_ISSUER || !e.ARCHWAY_OIDC_CLIENT_ID || !e.ARCHWAY_OIDC_CLIENT_SECRET) return undefined;
  return {
    issuer: e.ARCHWAY_OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: e.ARCHWAY_OIDC_CLIENT_ID,
    clientSecret: e.ARCHWAY_OIDC_CLIENT_SECRET,
    roleClaim: e.ARCHWAY_OIDC_ROLE_CLAIM,
    name: e.ARCHWAY_OIDC_NAME,
  };
}

/** The strongest role the claim names (a string, a list, or a space-separated string), else the default. */
export function roleFromClaims(claims: Record<string, unknown>, claim: string, fallback: Role): Role {
  const raw = claims[claim];
  const values = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
  const roles = values.map((v) => String(v).toLowerCase()).filter(isRole);
  for (const r of ["admin", "operator", "viewer"] as const) if (roles.includes(r)) return r;
  return fallback;
}
