// GET /api/assisted-install/v2/infra-envs/{infra_env_id}/hosts – the infra-env's hosts (limit/offset,
// every host without limit; status=known,known-unbound filters; X-Total-Count); POST – the discovery agent registers its host
// (X-Secret-Key: the infra-env's agent token). Handlers in lib/hosts/routes.ts (the Node server
// answers these itself).
import { listHostsRoute, registerHostRoute } from "@/lib/hosts/routes";

export const dynamic = "force-dynamic";
export const GET = listHostsRoute;
export const POST = registerHostRoute;
