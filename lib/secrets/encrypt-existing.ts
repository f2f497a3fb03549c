// The data migration that goes with encryption at rest: secrets stored in plain text by an earlier
// version (pull secrets, proxy URLs, agent tokens, signing keys) are sealed at start-up, row by row,
// keeping updatedAt. Idempotent: sealed values are left alone, so it costs one query once done.
import "server-only";
import { db } from "@/lib/db";
import { isSealed } from "./seal";
import { seal } from "./secrets";

const CLUSTER = ["pullSecret", "httpProxy", "httpsProxy"] as const;
const INFRA_ENV = ["pullSecret", "httpProxy", "httpsProxy", "agentToken", "signingKey"] as const;

type Row = Record<string, unknown> & { id: string; updatedAt: Date };

function plainFields(row: Row, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = row[f];
    if (typeof v === "string" && v !== "" && !isSealed(v)) out[f] = seal(v);
  }
  return out;
}

const anyPlain = (fields: readonly string[]) => ({
  OR: fields.map((f) => ({ AND: [{ [f]: { not: null } }, { NOT: { [f]: { startsWith: "enc:v1:" } } }] })),
});

/** Returns how many rows it sealed. */
export async function encryptExistingSecrets(): Promise<number> {
  let n = 0;
  const clusters = (await db().cluster.findMany({ where: anyPlain(CLUSTER) as never })) as unknown as Row[];
  for (const c of clusters) {
    await db().cluster.update({ where: { id: c.id }, data: { ...plainFields(c, CLUSTER), updatedAt: c.updatedAt } });
    n++;
  }
  const infraEnvs = (await db().infraEnv.findMany({ where: anyPlain(INFRA_ENV) as never })) as unknown as Row[];
  for (const e of infraEnvs) {
    await db().infraEnv.update({ where: { id: e.id }, data: { ...plainFields(e, INFRA_ENV), updatedAt: e.updatedAt } });
    n++;
  }
  return n;
}
