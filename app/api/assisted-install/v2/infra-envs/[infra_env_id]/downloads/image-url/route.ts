// GET /api/assisted-install/v2/infra-envs/{id}/downloads/image-url – a signed, expiring ISO link. The
// handler is in lib/infra-envs/routes.ts (the Node server answers it itself).
import { imageUrlRoute } from "@/lib/infra-envs/routes";

export const dynamic = "force-dynamic";

export const GET = imageUrlRoute;
