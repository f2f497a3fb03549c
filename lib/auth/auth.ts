// The sign-in library (better-auth) wired to our database: local accounts by user name with the
// library's scrypt hashes, optional OIDC, sessions in the Session table, and hooks that write
// sign-ins and failed sign-ins to the audit log and answer 429 once a name has failed too often.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { genericOAuth, username } from "better-auth/plugins";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { countFailedLogins, recordAudit } from "./audit";
import { OIDC_PROVIDER_ID, oidcSettings, roleFromClaims } from "./oidc";
import type { Role } from "./roles";
import { USERNAME } from "./schemas";
import { authSecret } from "./secret";

function clientIp(headers: Headers | undefined): string | null {
  return headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || headers?.get("x-real-ip") || null;
}

/** Roles read from an OIDC profile, by email, until that sign-in's session is created. */
const pendingOidcRoles = new Map<string, Role>();

function createAuth() {
  const e = env();
  const oidc = oidcSettings(e);
  const ttl = e.ARCHWAY_SESSION_TTL_SECONDS;
  return betterAuth({
    appName: "Archway",
    baseURL: e.ARCHWAY_PUBLIC_URL,
    basePath: "/api/auth",
    secret: authSecret(),
    telemetry: { enabled: false },
    // Its warnings (no base URL when ARCHWAY_PUBLIC_URL is unset, each wrong password) are expected here.
    logger: { level: "error" },
    database: prismaAdapter(db(), { provider: providerOf(e.databaseUrl) }),
    // Without ARCHWAY_PUBLIC_URL the console answers at whatever address it was reached by.
    // Inside Next, req.url does not keep the address the browser used; its Host header does (which
    // hosts are allowed at all is checked before any handler runs).
    trustedOrigins: async (req) => {
      const host = req?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    // Per address, on top of the per-name lockout in the hooks below: the library's default (3 sign-ins
    // per 10 s) would lock out a whole office behind one NAT after a few typos.
    rateLimit: { customRules: { "/sign-in/username": { window: 60, max: 20 } } },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: { additionalFields: { role: { type: "string", defaultValue: "viewer", input: false } } },
    session: { expiresIn: ttl, updateAge: Math.ceil(ttl / 4), cookieCache: { enabled: false } },
    advanced: {
      cookiePrefix: "archway",
      useSecureCookies: e.ARCHWAY_PUBLIC_URL?.startsWith("https:") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    plugins: [
      // The same rule as userCreateSchema (the library's default refuses dashes).
      username({ minUsernameLength: 2, maxUsernameLength: 64, usernameValidator: (u) => USERNAME.test(u) }),
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: oidc.name,
                  discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: ["openid", "profile", "email"],
                  pkce: true,
                  // The provider owns the role: it is read again at every sign-in.
                  overrideUserInfo: true,
                  // No user name: OIDC users are known by their email, so none can take a local name.
                  // The role field refuses input (nobody may set their own), so the role read here
                  // is applied when the sign-in's session is made (databaseHooks below).
                  mapProfileToUser: (profile: Record<string, unknown>) => {
                    const role = roleFromClaims(profile, oidc.roleClaim, e.ARCHWAY_OIDC_DEFAULT_ROLE);
                    if (typeof profile.email === "string") pendingOidcRoles.set(profile.email.toLowerCase(), role);
                    return {};
                  },
                },
              ],
            }),
          ]
        : []),
    ],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/username") return;
        const name = String(ctx.body?.username ?? "").toLowerCase();
        const since = new Date(Date.now() - e.ARCHWAY_LOGIN_WINDOW_SECONDS * 1000);
        if ((await countFailedLogins(name, since)) >= e.ARCHWAY_LOGIN_MAX_FAILURES) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many failed sign-ins for "${name}"; try again in ${Math.ceil(e.ARCHWAY_LOGIN_WINDOW_SECONDS / 60)} minutes`,
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/username" && ctx.context.returned instanceof APIError) {
          const returned = ctx.context.returned;
          if (returned.statusCode === 429) return;
          const name = String(ctx.body?.username ?? "").toLowerCase();
          await recordAudit({
            actor: name || "anonymous",
            action: "login",
            target: `user:${name}`,
            outcome: "failure",
            detail: returned.message,
            ipAddress: clientIp(ctx.headers),
          });
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // Every successful sign-in (password or OIDC) makes a session.
          after: async (session) => {
            let user = await db().user.findUnique({ where: { id: session.userId } });
            const role = user && pendingOidcRoles.get(user.email.toLowerCase());
            if (user && role) {
              pendingOidcRoles.delete(user.email.toLowerCase());
              if (user.role !== role) user = await db().user.update({ where: { id: user.id }, data: { role } });
            }
            const name = user?.username ?? user?.email ?? session.userId;
            await recordAudit({
              actor: name,
              action: "login",
              target: `user:${name}`,
              ipAddress: session.ipAddress ?? null,
            });
          },
        },
      },
    },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { archwayAuth?: { config: object; auth: Auth } };

/** One instance per configuration (tests change the environment, which makes env() a new object). */
export function auth(): Auth {
  const config = env();
  if (globalForAuth.archwayAuth?.config !== config) globalForAuth.archwayAuth = { config, auth: createAuth() };
  return globalForAuth.archwayAuth.auth;
}
