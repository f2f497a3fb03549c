// GET /api/v1/tokens – API tokens (never the token itself); POST – create one, answered once with it
import { tokenCreateSchema } from "@/lib/auth/schemas";
import { serializeToken } from "@/lib/auth/serialize";
import { createToken, listTokens } from "@/lib/auth/tokens";
import { created, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin" }, async () => (await listTokens()).map(serializeToken));

export const POST = route({ access: "admin", body: tokenCreateSchema }, async ({ body, principal }) => {
  const { row, token } = await createToken({
    name: body.name,
    role: body.role,
    expiresInDays: body.expires_in_days,
    createdBy: principal?.name ?? "unknown",
  });
  return created({ ...serializeToken(row), token });
});
