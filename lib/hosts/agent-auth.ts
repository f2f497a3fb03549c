// The agent API's authentication: the infra-env's agent token (embedded in its discovery ISO) in
// X-Secret-Key, compared in constant time. Any failure is the same 401, before anything is written.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { unseal } from "@/lib/secrets/secrets";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function tokenMatches(presented: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return timingSafeEqual(digest(presented), digest(expected));
}

/** What the agent API needs of the infra-env: a poll reads these few columns, not the whole row. */
const agentScope = { id: true, name: true, clusterId: true, agentToken: true } as const;
export type AgentScope = { id: string; name: string; clusterId: string | null };

// Opening a sealed token is an AES-GCM decryption at every poll of every host; the sealed text is
// the key, so a token changed in the database is opened anew.
const opened = new LRUCache<string, string>({ max: 1000 });

function openToken(sealed: string): string {
  let token = opened.get(sealed);
  if (token === undefined) {
    token = unseal(sealed);
    opened.set(sealed, token);
  }
  return token;
}

export async function authenticateAgent(req: Request, infraEnvId: string): Promise<AgentScope> {
  const presented = req.headers.get("x-secret-key") ?? "";
  const infraEnv = await db().infraEnv.findUnique({ where: { id: infraEnvId }, select: agentScope });
  const ok = infraEnv?.agentToken ? tokenMatches(presented, openToken(infraEnv.agentToken)) : false;
  if (!infraEnv || !presented || !ok)
    throw new HttpError(
      401,
      "The X-Secret-Key header must carry this infra-env's agent token (it is in the discovery ISO)",
      undefined,
      {
        "WWW-Authenticate": 'APIKey realm="agent", header="X-Secret-Key"',
      },
    );
  return { id: infraEnv.id, name: infraEnv.name, clusterId: infraEnv.clusterId };
}
