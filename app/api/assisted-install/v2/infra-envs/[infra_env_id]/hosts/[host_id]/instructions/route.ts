// GET /api/assisted-install/v2/infra-envs/{infra_env_id}/hosts/{host_id}/instructions – the agent's
// next steps (its check-in); POST – a step reply (an inventory step carries the inventory JSON as text)

import { nextInstructions, postStepReply } from "@/lib/hosts/agent";
import { authenticateAgent } from "@/lib/hosts/agent-auth";
import { hostIdParams, stepReplySchema } from "@/lib/hosts/schemas";
import { noContent, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";
const auth = (req: Request, p: { infra_env_id: string }) => authenticateAgent(req, p.infra_env_id);

export const GET = route({ access: "public", params: hostIdParams, auth }, async ({ params, auth }) =>
  nextInstructions(auth, params.host_id),
);

export const POST = route(
  { access: "public", params: hostIdParams, body: stepReplySchema, auth },
  async ({ params, body, auth }) => {
    await postStepReply(auth, params.host_id, body);
    return noContent();
  },
);
