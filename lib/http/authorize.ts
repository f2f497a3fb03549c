// The one place access is decided: every route declares `access` next to its handler and the route
// wrapper calls authorize() before reading anything else. Writes (and routes that declare an audit
// action) leave an audit entry naming who did them.
import "server-only";
import { runAs } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/audit";
import { authenticate, type Principal } from "@/lib/auth/principal";
import { type Access, hasRole, needsRoleReason } from "@/lib/auth/roles";
import { HttpError } from "./errors";

export type { Access, Principal };

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="archway"' };

/** The caller, or null on a public route; 401 when nobody is signed in, 403 when the role is too weak. */
export async function authorize(req: Request, access: Access): Promise<Principal | null> {
  if (access === "public") return null;
  const principal = await authenticate(req.headers);
  if (!principal)
    throw new HttpError(
      401,
      req.headers.has("authorization")
        ? "The bearer token is unknown, expired or revoked"
        : "Sign in, or send an API token as Authorization: Bearer <token>",
      undefined,
      CHALLENGE,
    );
  if (!hasRole(principal.role, access))
    throw new HttpError(403, `${needsRoleReason(access)}; ${principal.name} has the ${principal.role} role`);
  return principal;
}

const ACTION_BY_METHOD: Record<string, string> = { POST: "create", PUT: "change", PATCH: "change", DELETE: "delete" };

/** Runs the handler as the principal (events name them) and audits it when it changed something. */
export async function asPrincipal<T>(
  principal: Principal,
  req: Request,
  declared: string | undefined,
  run: () => Promise<T>,
): Promise<T> {
  const ipAddress = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
  return runAs({ name: principal.name, ipAddress }, async () => {
    const result = await run();
    const action = declared ?? ACTION_BY_METHOD[req.method];
    const status = result instanceof Response ? result.status : 200;
    if (action && status < 400) await recordAudit({ action, target: await targetOf(req, result) });
    return result;
  });
}

/** The path acted on; for a create, the new object's id is added when the answer carries one. */
async function targetOf(req: Request, result: unknown): Promise<string> {
  const path = new URL(req.url).pathname;
  const created =
    result instanceof Response && result.status === 201 && result.headers.get("content-type")?.includes("json")
      ? await result
          .clone()
          .json()
          .catch(() => null)
      : result;
  const id = (created as { id?: unknown } | null)?.id;
  return req.method === "POST" && typeof id === "string" && !path.endsWith(id) ? `${path}/${id}` : path;
}
