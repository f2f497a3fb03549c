// The agent API's authentication: the infra-env's agent token (embedded in its discovery ISO) in
// X-Secret-Key, compared in constant time. Any failure is the same 401, before anything is written.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { unseal } from "@/lib/secrets/secrets";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function tokenMatches(presented: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return timingSafeEqual(digest(presented), digest(expected));
}

export async function authenticateAgent(req: Request, infraEnvId: string) {
  const presented = req.headers.get("x-secret-key") ?? "";
  const infraEnv = await db().infraEnv.findUnique({ where: { id: infraEnvId } });
  const ok = infraEnv?.agentToken ? tokenMatches(presented, unseal(infraEnv.agentToken)) : false;
  if (!infraEnv || !presented || !ok)
    throw new HttpError(
      401,
      "The X-Secret-Key header must carry this infra-env's agent token (it is in the discovery ISO)",
      undefined,
      {
        "WWW-Authenticate": 'APIKey realm="agent", header="X-Secret-Key"',
      },
    );
  return infraEnv;
}
