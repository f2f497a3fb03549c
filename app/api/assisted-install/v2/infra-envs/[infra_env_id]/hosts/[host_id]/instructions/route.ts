// GET /api/assisted-install/v2/infra-envs/{infra_env_id}/hosts/{host_id}/instructions – the agent's
// next steps (its check-in); POST – a step reply. Handlers in lib/hosts/routes.ts (the Node server
// answers these itself).
import { instructionsRoute, stepReplyRoute } from "@/lib/hosts/routes";

export const dynamic = "force-dynamic";
export const GET = instructionsRoute;
export const POST = stepReplyRoute;
