// Accounts managed by admins (and the first start): created through the library's own adapter and
// password hasher, so sign-in verifies exactly what was stored.
import "server-only";
import { APIError } from "better-auth/api";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { auth } from "./auth";
import type { Role } from "./roles";

/** Local accounts have no real mailbox; the library wants a unique email, so they get a placeholder. */
const localEmail = (username: string) => `${username}@users.archway.invalid`;

export async function createLocalUser(u: { username: string; password: string; role: Role }) {
  const username = u.username.toLowerCase();
  if (await db().user.findUnique({ where: { username } }))
    throw new HttpError(409, `A user named ${username} already exists`, { username: ["already taken"] });
  const ctx = await auth().$context;
  const user = await ctx.internalAdapter
    .createUser(
      {
        name: username,
        email: localEmail(username),
        emailVerified: true,
        username,
        displayUsername: username,
        role: u.role,
      },
      { method: "admin" },
    )
    // The library's own checks (a name it refuses) are bad input, never a 500.
    .catch((err: unknown) => {
      if (err instanceof APIError) throw new HttpError(400, err.message, { username: [err.message] });
      throw err;
    });
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await ctx.password.hash(u.password),
  });
  return db().user.findUniqueOrThrow({ where: { id: user.id } });
}

export function listUsers() {
  return db().user.findMany({ orderBy: { createdAt: "asc" }, include: { accounts: { select: { providerId: true } } } });
}

async function otherAdmins(id: string) {
  return db().user.count({ where: { role: "admin", id: { not: id } } });
}

export async function setUserRole(id: string, role: Role) {
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw new HttpError(404, `No user with id ${id}`);
  if (user.role === "admin" && role !== "admin" && (await otherAdmins(id)) === 0)
    throw new HttpError(409, "The last admin cannot lose the admin role", { role: ["the last admin"] });
  return db().user.update({ where: { id }, data: { role } });
}

export async function deleteUser(id: string, actingUserId?: string) {
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw new HttpError(404, `No user with id ${id}`);
  if (id === actingUserId) throw new HttpError(409, "You cannot delete your own account");
  if (user.role === "admin" && (await otherAdmins(id)) === 0)
    throw new HttpError(409, "The last admin cannot be deleted");
  // Sessions and accounts go with the user (onDelete: Cascade), so the user is signed out at once.
  await db().user.delete({ where: { id } });
  return user;
}
