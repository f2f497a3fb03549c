// GET /api/v1/me – who is signed in and their role (the console hides what the role cannot do)
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer" }, async ({ principal }) => ({
  name: principal?.name,
  role: principal?.role,
  kind: principal?.kind,
}));
