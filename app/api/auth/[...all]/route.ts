// /api/auth/* – the sign-in library's endpoints (sign-in/username, sign-in/social, callback/oidc,
// sign-out, get-session); public by nature, rate-limited per user name inside lib/auth/auth.ts
import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = (req: Request) => auth().handler(req);
export const POST = (req: Request) => auth().handler(req);
