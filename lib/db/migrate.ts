// Applies prisma/migrations/<provider>/*/migration.sql in order, at start-up, offline.
// Bookkeeping uses Prisma's own `_prisma_migrations` table so the real CLI, where it exists,
// sees the same history. Concurrent starters are serialised (advisory lock / immediate tx).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Provider, providerOf, sqlitePath } from "./provider";

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(provider: Provider, root = process.cwd()): Migration[] {
  const dir = path.join(root, "prisma/migrations", provider);
  if (!existsSync(dir)) throw new Error(`No migrations for ${provider} in ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMP,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMP,
  "started_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Returns the names of the migrations it applied. Throws if an applied one was edited since. */
export async function migrate(url: string, root = process.cwd()): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = readMigrations(provider, root);
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function pending(applied: Map<string, string>, migrations: Migration[]): Migration[] {
  for (const m of migrations) {
    const sum = applied.get(m.name);
    if (sum !== undefined && sum !== m.checksum) {
      throw new Error(
        `Migration ${m.name} was changed after it was applied; add a new migration instead of editing it`,
      );
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

async function migrateSqlite(url: string, migrations: Migration[]): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  const file = sqlitePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(LEDGER);
    const run = db.transaction(() => {
      const rows = db
        .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
        .all() as { migration_name: string; checksum: string }[];
      const todo = pending(new Map(rows.map((r) => [r.migration_name, r.checksum])), migrations);
      for (const m of todo) {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, CURRENT_TIMESTAMP, ?, 1)`,
        ).run(randomUUID(), m.checksum, m.name);
      }
      return todo.map((m) => m.name);
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

// Prisma Migrate's own lock id, so we never run alongside `prisma migrate deploy`.
const ADVISORY_LOCK = 72707369;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK})`);
    await client.query(LEDGER);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const todo = pending(new Map(rows.map((r) => [r.migration_name, r.checksum])), migrations);
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK})`).catch(() => {});
    await client.end();
  }
}
