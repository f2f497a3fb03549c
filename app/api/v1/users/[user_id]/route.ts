// PATCH /api/v1/users/{user_id} – change a user's role; DELETE – remove the account (signs it out)
import { userIdParam, userUpdateSchema } from "@/lib/auth/schemas";
import { serializeUser } from "@/lib/auth/serialize";
import { deleteUser, setUserRole } from "@/lib/auth/users";
import { noContent, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PATCH = route({ access: "admin", params: userIdParam, body: userUpdateSchema }, async ({ params, body }) =>
  serializeUser(await setUserRole(params.user_id, body.role)),
);

export const DELETE = route({ access: "admin", params: userIdParam }, async ({ params, principal }) => {
  await deleteUser(params.user_id, principal?.kind === "user" ? principal.id : undefined);
  return noContent();
});
