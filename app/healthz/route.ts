// GET /healthz – liveness for load balancers and supervisors: public, answers without the database
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => ({ status: "ok" }));
