// Who is calling: a bearer API token or a browser session cookie. Used only by the route wrapper
// and the console layout, so there is one answer to "who is this" for every request.
import "server-only";
import { auth } from "./auth";
import { isRole, type Role } from "./roles";
import { verifyToken } from "./tokens";

export type Principal = {
  kind: "user" | "token";
  id: string;
  /** What the audit log and events show: the user name, or "token:<name>". */
  name: string;
  role: Role;
};

export async function authenticate(headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    const row = m ? await verifyToken(m[1]) : undefined;
    // A bad Authorization header is not silently replaced by a cookie: the caller meant the token.
    if (!row || !isRole(row.role)) return null;
    return { kind: "token", id: row.id, name: `token:${row.name}`, role: row.role };
  }
  if (!headers.get("cookie")) return null;
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; username?: string | null };
  return {
    kind: "user",
    id: user.id,
    name: user.username ?? user.email,
    role: isRole(user.role) ? user.role : "viewer",
  };
}
