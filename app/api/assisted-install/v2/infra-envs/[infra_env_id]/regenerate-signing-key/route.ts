// POST /api/assisted-install/v2/infra-envs/{id}/regenerate-signing-key – revoke every ISO link
import { idParam } from "@/lib/http/params";
import { noContent, route } from "@/lib/http/route";
import { regenerateSigningKey } from "@/lib/infra-envs/downloads";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", audit: "key.rotate", params: idParam("infra_env_id") },
  async ({ req, params }) => {
    await regenerateSigningKey(params.infra_env_id, req.headers.get("x-request-id") ?? undefined);
    return noContent();
  },
);
