// GET /api/v1/audit – the audit log, newest first (actor, action filters; limit/offset; X-Total-Count)
import { listAudit } from "@/lib/auth/audit";
import { auditQuerySchema } from "@/lib/auth/schemas";
import { serializeAudit } from "@/lib/auth/serialize";
import { json, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", query: auditQuerySchema }, async ({ query }) => {
  const { rows, total } = await listAudit(query);
  return json(rows.map(serializeAudit), 200, { "X-Total-Count": String(total) });
});
