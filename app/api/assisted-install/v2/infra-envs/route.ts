// GET /api/assisted-install/v2/infra-envs[?cluster_id=&name=&cpu_architecture=] – list infra-envs
// (limit/offset, every one without limit; X-Total-Count); POST – register one. The handlers are in
// lib/infra-envs/routes.ts (the Node server answers both itself).
import { createInfraEnvRoute, listInfraEnvsRoute } from "@/lib/infra-envs/routes";

export const dynamic = "force-dynamic";

export const GET = listInfraEnvsRoute;

export const POST = createInfraEnvRoute;
