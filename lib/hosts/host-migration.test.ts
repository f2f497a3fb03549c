// The migration that stores inventories as text keeps the hosts a console already has: each gets the
// hostname it goes by (the one set for it, else its inventory's) and, when in no cluster, the
// `-unbound` spelling of its status. Run on the provider under test.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { sqlitePath } from "@/lib/db/provider";
import { createTestDatabase, testProvider } from "@/test/databases";

const provider = testProvider();
const MIGRATION = "20261129162232_host_text_and_hostname";

async function sql(url: string, statements: string[], read?: string): Promise<Record<string, unknown>[]> {
  if (provider === "sqlite") {
    const d = new Database(sqlitePath(url));
    try {
      for (const s of statements) d.exec(s);
      return read ? (d.prepare(read).all() as Record<string, unknown>[]) : [];
    } finally {
      d.close();
    }
  }
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
    return read ? (await c.query(read)).rows : [];
  } finally {
    await c.end();
  }
}

it(`${MIGRATION} fills hostname and the -unbound statuses of existing hosts (${provider})`, async () => {
  const root = mkdtempSync(path.join(tmpdir(), "hostmig-"));
  const dir = path.join(root, "prisma/migrations", provider);
  cpSync(path.join(process.cwd(), "prisma/migrations", provider), dir, { recursive: true });
  const later = path.join(root, "later");
  cpSync(dir, later, { recursive: true });
  // First the history up to the migration, then hosts as the console stored them, then the rest.
  for (const name of readdirSync(dir)) if (name >= MIGRATION) rmSync(path.join(dir, name), { recursive: true });
  const db = await createTestDatabase(root);
  try {
    await migrate(db.url, root);
    const inv = (hostname: string) => JSON.stringify({ hostname, cpu: { architecture: "x86_64", count: 4 } });
    const now = provider === "sqlite" ? "'2026-11-29T12:00:00.000+00:00'" : "now()";
    await sql(db.url, [
      `INSERT INTO "InfraEnv" ("id", "name", "kernelArguments", "staticNetworkConfig", "updatedAt") VALUES ('ie', 'ie', '[]', '[]', ${now})`,
      `INSERT INTO "Cluster" ("id", "name", "openshiftVersion", "olmOperators", "updatedAt") VALUES ('c', 'c', '4.14', '[]', ${now})`,
      `INSERT INTO "Host" ("id", "infraEnvId", "status", "inventory", "updatedAt") VALUES ('a', 'ie', 'known', '${inv("node-a")}', ${now})`,
      `INSERT INTO "Host" ("id", "infraEnvId", "clusterId", "status", "requestedHostname", "inventory", "updatedAt") VALUES ('b', 'ie', 'c', 'insufficient', 'chosen-b', '${inv("node-b")}', ${now})`,
      `INSERT INTO "Host" ("id", "infraEnvId", "status", "updatedAt") VALUES ('c', 'ie', 'discovering', ${now})`,
    ]);
    cpSync(later, dir, { recursive: true });
    await migrate(db.url, root);
    const rows = await sql(db.url, [], `SELECT "id", "hostname", "status", "inventory" FROM "Host" ORDER BY "id"`);
    expect(rows.map((r) => [r.id, r.hostname, r.status])).toEqual([
      ["a", "node-a", "known-unbound"],
      ["b", "chosen-b", "insufficient"],
      ["c", null, "discovering-unbound"],
    ]);
    expect(JSON.parse(rows[0].inventory as string)).toEqual(JSON.parse(inv("node-a")));
  } finally {
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  }
});
