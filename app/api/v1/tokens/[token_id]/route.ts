// DELETE /api/v1/tokens/{token_id} – revoke a token (kept in the list, marked revoked)
import { revokeToken } from "@/lib/auth/tokens";
import { idParam } from "@/lib/http/params";
import { noContent, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route(
  { access: "admin", audit: "token.revoke", params: idParam("token_id") },
  async ({ params }) => {
    await revokeToken(params.token_id);
    return noContent();
  },
);
