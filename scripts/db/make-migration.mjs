// Writes prisma/migrations/<provider>/<timestamp>_<name>/migration.sql for every provider whose
// migrations lag behind prisma/schema.prisma. Usage: npm run db:migration -- <name>
// PostgreSQL needs DATABASE_URL pointing at a server (a shadow database is made there and dropped).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrationsDir, PROVIDERS } from "./providers.mjs";
import { pendingSql } from "./schema-engine.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const pgUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;

for (const provider of PROVIDERS) {
  if (provider === "postgresql" && !pgUrl) {
    console.error("postgresql: skipped — set DATABASE_URL=postgresql://… to a running server");
    process.exitCode = 1;
    continue;
  }
  const sql = await pendingSql(provider, provider === "postgresql" ? pgUrl : undefined);
  if (!sql) {
    console.log(`${provider}: migrations already match the schema`);
    continue;
  }
  const dir = migrationsDir(provider);
  const lock = path.join(dir, "migration_lock.toml");
  mkdirSync(path.join(dir, `${stamp}_${name}`), { recursive: true });
  if (!existsSync(lock)) writeFileSync(lock, `# Written by scripts/db/make-migration.mjs\nprovider = "${provider}"\n`);
  writeFileSync(path.join(dir, `${stamp}_${name}`, "migration.sql"), `${sql}\n`);
  console.log(
    `${provider}: wrote ${path.relative(process.cwd(), path.join(dir, `${stamp}_${name}`, "migration.sql"))}`,
  );
}
