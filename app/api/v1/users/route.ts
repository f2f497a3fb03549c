// GET /api/v1/users – accounts and their roles; POST – create a local account
import { userCreateSchema } from "@/lib/auth/schemas";
import { serializeUser } from "@/lib/auth/serialize";
import { createLocalUser, listUsers } from "@/lib/auth/users";
import { created, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin" }, async () => (await listUsers()).map(serializeUser));

export const POST = route({ access: "admin", body: userCreateSchema }, async ({ body }) =>
  created(serializeUser({ ...(await createLocalUser(body)), accounts: [{ providerId: "credential" }] })),
);
