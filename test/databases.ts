// Test databases: a SQLite file in the test's data dir, or a fresh database on the PostgreSQL
// server named by TEST_PG_ADMIN_URL (dropped afterwards).
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Client } from "pg";

export type TestDatabase = { url: string; provider: "sqlite" | "postgresql"; drop: () => Promise<void> };

export function testProvider(): "sqlite" | "postgresql" {
  return process.env.TEST_PG_ADMIN_URL ? "postgresql" : "sqlite";
}

export async function createTestDatabase(dir: string): Promise<TestDatabase> {
  const admin = process.env.TEST_PG_ADMIN_URL;
  if (!admin) return { url: `file:${path.join(dir, "test.db")}`, provider: "sqlite", drop: async () => {} };
  const name = `archway_test_${randomUUID().replace(/-/g, "")}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    provider: "postgresql",
    drop: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
